import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine } from "./body-photo-line";
import { renderStoryBody, renderStoryBodyWhole } from "./story-body";
import { splitIndependentBlocks } from "./story-body-blocks";

const photoLine = formatBodyPhotoLine({
  photoId: "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d",
  alt: "A ferry",
  caption: "The *ferry* (kept) running.",
  credit: "Ana Diaz/Ledger",
});

const sameAsWhole = (markdown: string) =>
  expect(toHtml(renderStoryBody({ markdown }))).toBe(toHtml(renderStoryBodyWhole({ markdown })));

describe("block-by-block rendering", () => {
  it("splits plain paragraphs, headings, quotes and tables", () => {
    expect(splitIndependentBlocks("One.\n\n## Two\n\n> Three\n\n| a |\n|---|\n| 1 |")).toEqual([
      "One.",
      "## Two",
      "> Three",
      "| a |\n|---|\n| 1 |",
    ]);
  });

  it("falls back to the whole document for anything that crosses a blank line", () => {
    for (const markdown of [
      "- a\n\n- b",
      "1. a\n\n2. b",
      "Text\n\n    indented code",
      "```\ncode\n\nmore\n```",
      "Use [the report][r].\n\n[r]: https://example.com",
      "Claim[^1]\n\n[^1]: Source.",
      "<pre>\n\nx\n</pre>",
      `- a\n\n${photoLine}`,
    ]) {
      expect(splitIndependentBlocks(markdown), markdown).toBeNull();
      sameAsWhole(markdown);
    }
  });

  it("gives exactly the tree whole-document rendering gives (property over generated bodies)", () => {
    const pieces = [
      "A plain paragraph with **bold**, _emphasis_, `code` and a [link](https://example.com).",
      "# A heading",
      "### A smaller heading",
      "> “A quote,” she said.\n> It continues.",
      "| Team | Score |\n|:-----|------:|\n| Home | 3 |",
      "Setext heading\n---",
      "A line\nand a soft break ~~struck~~ www.example.com",
      "<script>alert(1)</script> inline raw HTML is dropped",
      "[bad](javascript:alert(1)) and ![img](https://example.com/a.png)",
      "***",
      "Trailing spaces for a hard break  \nnext line",
      // Plain one-line paragraphs (rendered without the parser) and near misses that must still be parsed.
      "City officials said the inspection would continue (1), “quoted” — 5% of $3/day’s fares.",
      "O’Brien asked: why now? Nobody knew; the council – split 5-4 – adjourned.",
      "Read more at https://example.com/report today.",
      "Visit www.example.com for details.",
      "Write to desk@example.com with tips.",
      "Prices rose 3% & fell.",
      "Half-way there —",
      "---",
      "A sentence ending in spaces.  ",
      "Élan vital, déjà vu and naïve café owners.",
      // Photo lines: placed, unreadable, and joined to a paragraph (text).
      photoLine,
      '::photo{id="not-an-id"}',
      `A paragraph\n${photoLine}`,
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let run = 0; run < 200; run += 1) {
      const count = 1 + (next() % 8);
      const markdown = Array.from({ length: count }, () => pieces[next() % pieces.length]!).join(
        next() % 3 === 0 ? "\n\n\n" : "\n\n",
      );
      sameAsWhole(markdown);
      sameAsWhole(markdown);
    }
  });
});
