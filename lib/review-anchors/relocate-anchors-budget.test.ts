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

/** 100,000 words from a small newsroom vocabulary, in 40-word paragraphs, drawn by a seeded generator. */
function hugeStory(seed: number): string {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state >>> 8;
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < 2_500; p += 1) {
    const words = Array.from({ length: 40 }, () => vocabulary[next() % vocabulary.length] ?? "the");
    paragraphs.push(words.join(" "));
  }
  return paragraphs.join("\n\n");
}

/** Comments on phrases spread over the old story, each still somewhere in the new one (so none is settled by a search). */
function commentsOn(fromText: string, toText: string): { start: number; end: number }[] {
  const anchors: { start: number; end: number }[] = [];
  for (let at = 1_000; anchors.length < 20 && at < fromText.length; at += 24_000) {
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
    const began = performance.now();
    const placements = relocateAnchors({
      fromText,
      toText,
      anchors,
      budget: createDiffBudget({ timeoutMs: 40 }),
    });
    const took = performance.now() - began;
    expect(placements.every((placement) => placement.kind === "unknown")).toBe(true);
    // The budget, and the few milliseconds between two of its checks.
    expect(took).toBeLessThan(100);
  });

  it("is settled off the event loop, with the answer the same comparison gives with time to spare", async () => {
    const placements = await relocateAnchorsOffLoop({ fromText, toText, anchors });
    expect(placements.filter((placement) => placement.kind === "unknown")).toEqual([]);
    for (const placement of placements)
      if (placement.kind === "found")
        expect(toText.slice(placement.start, placement.end)).toBe("the council");
    // Most of those phrases were rewritten away; the paragraph-first reading still keeps the odd one in place.
    expect(placements.filter((placement) => placement.kind === "gone").length).toBeGreaterThan(10);
    expect(placements).toEqual(
      relocateAnchors({ fromText, toText, anchors, budget: createDiffBudget({ timeoutMs: 7_500 }) }),
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
      budget: createDiffBudget({ timeoutMs: 7_500 }),
    });
    const there = later.indexOf(kept) + kept.indexOf("the council");
    expect(placement).toEqual([{ kind: "found", start: there, end: there + "the council".length }]);
  });
});
