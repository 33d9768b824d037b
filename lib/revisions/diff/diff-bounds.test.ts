import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { RevisionContent } from "@/lib/revisions/revision-content";

import type { BodyOp } from "./content-diff-types";
import { diffContent } from "./diff-content";
import { splitParagraphs } from "./paragraphs";

function content(body: string): RevisionContent {
  return {
    headline: "Flooding closes river crossings",
    dek: "",
    byline: "By the desk",
    body,
    images: [],
    credits: [],
    developing: true,
  };
}

/** The new body as the ops spell it, paragraph by paragraph, in order. */
function newParagraphs(ops: readonly BodyOp[]): string[] {
  return ops.flatMap((op) => {
    switch (op.kind) {
      case "unchanged":
        return op.paragraphs;
      case "changed":
        return [op.to];
      case "inserted":
        return [op.text];
      case "moved":
        return [op.text];
      case "split":
        return op.pieces.map((piece) => piece.text);
      case "merged":
        return [op.to];
      default:
        return [];
    }
  });
}

const word = fc.constantFrom(
  "river",
  "rose",
  "town",
  "bridge",
  "mayor",
  "said",
  "the",
  "a",
  "rain",
  "flood",
  "closed",
  "crews",
  "1",
  "2026",
  "don't",
  "—",
  ",",
  ".",
);
const paragraph = fc.array(word, { minLength: 1, maxLength: 400 }).map((words) => words.join(" "));
/** Bodies of a few to a few thousand paragraphs, some of them huge, some repeated. */
const body = fc.oneof(
  fc.array(paragraph, { minLength: 1, maxLength: 300 }),
  fc
    .tuple(paragraph, fc.integer({ min: 100, max: 5_000 }))
    .map(([text, times]) => Array.from({ length: times }, () => text)),
  fc.array(word, { minLength: 1000, maxLength: 30_000 }).map((words) => [words.join(" ")]),
);

describe("diffContent on large random texts (issue 19: the budget was not asked inside every loop)", () => {
  // Property: any two bodies are compared to an answer that spells the new body and says whether it is
  // coarser.
  it("always answers, spells the new body, and says whether (and why) it degraded", () => {
    fc.assert(
      fc.property(body, body, fc.boolean(), (before, after, reshape) => {
        // Half the time the new body is the old one's words re-cut into one-word or merged paragraphs.
        const to = reshape ? before.join(" ").split(" ").slice(0, 5_000) : after;
        const diff = diffContent({
          from: content(before.join("\n\n")),
          to: content(to.join("\n\n")),
          timeoutMs: 200,
        });
        expect(diff.reason !== null).toBe(diff.degraded);
        expect(newParagraphs(diff.body.ops)).toEqual(splitParagraphs(to.join("\n\n")));
      }),
      { numRuns: 25 },
    );
  });
});
