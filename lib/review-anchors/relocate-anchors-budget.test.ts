import { describe, expect, it } from "vitest";

import { createDiffBudget } from "@/lib/revisions/diff/diff-budget";

import { relocateAnchors } from "./relocate-anchors";
import { relocateAnchorsOffLoop } from "./relocate-anchors-off-loop";

const vocabulary = [
  "the",
  "council",
  "said",
  "river",
  "rose",
  "on",
  "Tuesday",
  "mayor",
  "of",
  "a",
  "flood",
  "bridge",
  ",",
  ".",
];

/** 40-word paragraphs from a small newsroom vocabulary, drawn by a seeded generator (2,500: 100,000 words). */
function hugeStory(seed: number, paragraphCount = 2_500): string {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state >>> 8;
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < paragraphCount; p += 1) {
    const words = Array.from({ length: 40 }, () => vocabulary[next() % vocabulary.length] ?? "the");
    paragraphs.push(words.join(" "));
  }
  return paragraphs.join("\n\n");
}

/** Comments on phrases spread over the old story, each still somewhere in the new one (so none is settled by a search). */
function commentsOn(fromText: string, toText: string): { start: number; end: number }[] {
  const anchors: { start: number; end: number }[] = [];
  const step = Math.floor(fromText.length / 22);
  for (let at = 1_000; anchors.length < 20 && at < fromText.length; at += step) {
    const start = fromText.indexOf("the council", at);
    if (start >= 0 && toText.includes("the council"))
      anchors.push({ start, end: start + "the council".length });
  }
  return anchors;
}

describe("relocateAnchors on the worst input for its budget (issue 22)", () => {
  // The same 100,000-word story rewritten throughout, in the same words: no search settles it, and one word
  // diff of the whole of it would take minutes.
  const fromText = hugeStory(1);
  const toText = hugeStory(2);
  const anchors = commentsOn(fromText, toText);

  it("answers 'unknown', never 'gone', within a short budget", () => {
    expect(anchors.length).toBe(20);
    const placements = relocateAnchors({
      fromText,
      toText,
      anchors,
      budget: createDiffBudget({ timeoutMs: 40 }),
    });
    expect(placements.every((placement) => placement.kind === "unknown")).toBe(true);
  });

  it("is settled off the event loop, with the answer the same comparison gives with all the time it needs", async () => {
    // 24,000 words a side: past what is tried on the event loop (200,000 characters in all), so the worker
    // pool places every comment, and small enough to finish far inside the pool's limit on a busy machine.
    const fromText = hugeStory(1, 600);
    const toText = hugeStory(2, 600);
    const anchors = commentsOn(fromText, toText);
    expect(fromText.length + toText.length).toBeGreaterThan(200_000);
    const placements = await relocateAnchorsOffLoop({ fromText, toText, anchors });
    expect(placements.filter((placement) => placement.kind === "unknown")).toEqual([]);
    for (const placement of placements)
      if (placement.kind === "found")
        expect(toText.slice(placement.start, placement.end)).toBe("the council");
    // Most of those phrases were rewritten away; the paragraph-first reading still keeps the odd one in place.
    expect(placements.filter((placement) => placement.kind === "gone").length).toBeGreaterThan(10);
    expect(placements).toEqual(
      relocateAnchors({ fromText, toText, anchors, budget: createDiffBudget({ timeoutMs: 600_000 }) }),
    );
  });

  it("reads a rewrite too big for one word diff paragraph by paragraph, and keeps words in a paragraph left alone", () => {
    // Every paragraph rewritten but the 1,200th, which the comment is on; a paragraph is added above it.
    const kept = fromText.split("\n\n")[1_200] ?? "";
    const rewritten = toText.split("\n\n");
    rewritten.splice(1_200, 1, kept);
    rewritten.splice(10, 0, "Update: the river crested overnight.");
    const later = rewritten.join("\n\n");
    const start = fromText.indexOf(kept) + kept.indexOf("the council");
    const placement = relocateAnchors({
      fromText,
      toText: later,
      anchors: [{ start, end: start + "the council".length }],
      budget: createDiffBudget({ timeoutMs: 600_000 }),
    });
    const there = later.indexOf(kept) + kept.indexOf("the council");
    expect(placement).toEqual([{ kind: "found", start: there, end: there + "the council".length }]);
  });
});
