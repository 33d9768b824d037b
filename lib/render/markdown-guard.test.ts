import fc from "fast-check";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

import {
  guardMarkdown,
  markdownCost,
  maxBodyWork,
  maxMarksPerBlock,
  maxNestingDepth,
  plainTextNote,
} from "./markdown-guard";
import { renderStoryBody, renderStoryBodyWhole } from "./story-body";

/** What the parser is handed after the guard: every block within the limits, and the body within its work. */
function expectWithinLimits(markdown: string) {
  const guarded = guardMarkdown(markdown);
  for (const block of guarded.markdown.split(/\n[ \t\r]*\n/)) {
    const cost = markdownCost(block);
    expect(cost.depth).toBeLessThanOrEqual(maxNestingDepth);
    expect(cost.marks).toBeLessThanOrEqual(maxMarksPerBlock);
  }
  expect(guarded.work).toBeLessThanOrEqual(maxBodyWork);
  return guarded;
}

// The inputs of issue 19, defect 2, as filed: each took seconds to minutes (or overflowed the stack) on the
// event loop.
const defectInputs: Record<string, string> = {
  "40 KB of *a": "*a".repeat(20_000),
  "40 KB of **a": "**a".repeat(13_334),
  "40 KB of [a](": "[a](".repeat(10_000),
  "500 nested lists": Array.from(
    { length: 500 },
    (_, level) => `${" ".repeat(2 * level)}- item ${level}`,
  ).join("\n"),
  "> repeated 5,000 times": `${"> ".repeat(5_000)}deep`,
};

describe("the Markdown guard (issue 19: rendering grew with the square of some inputs)", () => {
  for (const [name, markdown] of Object.entries(defectInputs)) {
    // Guards issue 19 defect 2: this body froze the instance (or answered 500) instead of rendering with a
    // note.
    it(`renders ${name} as plain text with a note, and hands the parser only what is within its limits`, () => {
      const guarded = expectWithinLimits(markdown);
      expect(guarded.plain).toHaveLength(1);
      const html = toHtml(
        renderStoryBody({ markdown: `Intro with *emphasis*.\n\n${markdown}\n\nA closing line.` }),
      );
      expect(html).toContain("<p>Intro with <em>emphasis</em>.</p>");
      expect(html).toContain(`<p><em>${plainTextNote}</em></p>`);
      expect(html).toContain("<p>A closing line.</p>");
      // The block is there for the editor to fix, as text: nothing of it became markup.
      expect(html).toContain(toHtml({ type: "text", value: markdown.trim().slice(0, 200) }));
    });
  }

  it("leaves ordinary Markdown alone: emphasis, links, a nested list, a quote, a table", () => {
    const story = [
      "The *river* rose **two metres** overnight, [the council said](https://example.com/a).",
      "- Bridges\n  - North bridge\n  - South bridge\n- Schools",
      "> “We have never seen it this high,” said a resident.",
      "| Town | Level |\n|---|---|\n| Lower | 2 m |",
    ].join("\n\n");
    expect(guardMarkdown(story)).toEqual({ markdown: story, plain: [], work: expect.any(Number) });
    expect(toHtml(renderStoryBody({ markdown: story }))).not.toContain(plainTextNote);
  });

  it("renders the same tree block by block as whole when a block was kept from the parser", () => {
    const markdown = `First.\n\n${"*a".repeat(400)}\n\nLast.`;
    expect(toHtml(renderStoryBody({ markdown }))).toBe(toHtml(renderStoryBodyWhole({ markdown })));
  });

  // Property: whatever nesting and marks a body holds, it renders without throwing and the parser gets only
  // bounded work.
  it("renders random nested constructs without throwing, within the guard's limits", () => {
    const piece = fc.constantFrom(
      "*",
      "**",
      "_",
      "~~",
      "`",
      "[",
      "](",
      ")",
      "<",
      ">",
      "> ",
      "- ",
      "1. ",
      "  ",
      "\n",
      "\n\n",
      "a",
      "word ",
      "#",
      "|",
      "![",
      "\\",
    );
    const body = fc.array(piece, { maxLength: 3_000 }).map((pieces) => pieces.join(""));
    const repeated = fc
      .tuple(piece, fc.integer({ min: 100, max: 6_000 }), piece)
      .map(([unit, times, tail]) => `${unit}a`.repeat(times) + tail);
    fc.assert(
      fc.property(fc.oneof(body, repeated), (markdown) => {
        expectWithinLimits(markdown);
        expect(() => renderStoryBody({ markdown })).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });
});
