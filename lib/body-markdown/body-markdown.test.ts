import { getSchema } from "@tiptap/core";
import type { Node as ProseNode } from "@tiptap/pm/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { sampleArticle } from "@/lib/render/render-fixtures";
import { demoStoryBodies } from "@/lib/seed/demo-story";

import { bodyExtensions } from "./body-extensions";
import { bodyMarkdown } from "./body-markdown-arbitraries";
import { parseBody, type BodySource } from "./parse-body";
import { serializeBody } from "./serialize-body";
import { testDataBodies } from "./test-data-bodies";

const schema = getSchema(bodyExtensions());

function roundTrip(markdown: string): string {
  const { doc, source } = parseBody(markdown, schema);
  return serializeBody(doc, source);
}

const noSource = (source: BodySource): BodySource => ({
  ...source,
  nodes: [],
  gaps: [""],
  tail: "",
  indexOf: new WeakMap(),
  items: new WeakMap(),
});

/** The same node, rebuilt: equal, but not the object the source remembers, so it is written afresh. */
const rebuilt = (node: ProseNode) => schema.nodeFromJSON(node.toJSON());

// Long stories as the benches and bulk-history fixture write them: many plain paragraphs.
const longStory = (paragraphs: number) =>
  Array.from(
    { length: paragraphs },
    (_, index) => `Update ${index + 1}. The council said on Tuesday it would vote.`,
  ).join("\n\n");

describe("an unedited body comes back byte for byte", () => {
  it("for the demo story, the render fixture and long stories", () => {
    for (const body of [
      ...demoStoryBodies(),
      sampleArticle().body,
      longStory(2_000),
      `${longStory(50)}\n\nUpdate 51.`,
    ])
      expect(roundTrip(body)).toBe(body);
  });

  it("for every body in the test data", () => {
    for (const body of testDataBodies) expect(roundTrip(body)).toBe(body);
  });

  it("for generated Markdown (lists, quotes, emphasis, escapes, links, breaks, tables, CRLF, …)", () => {
    fc.assert(
      fc.property(bodyMarkdown, (markdown) => {
        expect(roundTrip(markdown)).toBe(markdown);
      }),
      { numRuns: 400 },
    );
  });

  it("for bodies the parser guard keeps from the parser, which stay Markdown blocks", () => {
    const deep = `${"> ".repeat(20)}too deep`;
    const marks = "*a ".repeat(400);
    const body = `Before.\n\n${deep}\n\n- a list\n  continued\n\n${marks}\n\nAfter.\n`;
    const { doc, source } = parseBody(body, schema);
    expect(serializeBody(doc, source)).toBe(body);
    const kinds: string[] = [];
    doc.forEach((child) => kinds.push(child.type.name));
    expect(kinds).toEqual(["paragraph", "markdownBlock", "bulletList", "markdownBlock", "paragraph"]);
  });
});

describe("the editor offers only what readers get", () => {
  it("keeps blocks it cannot show exactly as Markdown", () => {
    const body = [
      "```js\ncode\n```",
      "<div>html</div>",
      "[a]: https://example.com",
      "See [a].",
      "A [bad link](javascript:alert(1)).",
      "A [relative](/stories/x).",
      "![photo](https://example.com/p.jpg)",
      "- [ ] task",
      "Inline <b>html</b>.",
      "Note[^1].",
      "[^1]: Footnote.",
      "::photo{broken",
    ].join("\n\n");
    const { doc } = parseBody(body, schema);
    const kinds: string[] = [];
    doc.forEach((child) => kinds.push(child.type.name));
    expect(new Set(kinds)).toEqual(new Set(["markdownBlock"]));
  });

  it("reads a photo line alone between blank lines as a photo", () => {
    const line = '::photo{id="0b6e1234-1234-4234-8234-123456789abc" alt="A bridge" credit="Jane Doe/AP"}';
    const { doc } = parseBody(`Before.\n\n${line}\n\nAfter.`, schema);
    expect(doc.child(1).type.name).toBe("photo");
    expect(doc.child(1).attrs).toEqual({
      photoId: "0b6e1234-1234-4234-8234-123456789abc",
      alt: "A bridge",
      caption: "",
      credit: "Jane Doe/AP",
    });
  });

  it("creates links only for http(s) and mailto, with their titles", () => {
    const { doc } = parseBody('[a](https://example.com "Title") [b](mailto:x@example.com)', schema);
    const links: unknown[] = [];
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === "link") links.push(mark.attrs);
    });
    expect(links).toMatchObject([
      { href: "https://example.com", title: "Title" },
      { href: "mailto:x@example.com", title: null },
    ]);
  });
});

describe("a freshly written block reads back as the same node", () => {
  it("for every block of generated bodies", () => {
    fc.assert(
      fc.property(bodyMarkdown, (markdown) => {
        const { doc, source } = parseBody(markdown, schema);
        doc.forEach((child) => {
          if (child.type.name === "markdownBlock") return;
          const fresh = serializeBody(schema.node("doc", null, [rebuilt(child)]), noSource(source));
          const reread = parseBody(fresh, schema).doc;
          expect(reread.childCount, fresh).toBe(1);
          expect(reread.child(0).toJSON(), fresh).toEqual(child.toJSON());
        });
      }),
      { numRuns: 300 },
    );
  });
});
