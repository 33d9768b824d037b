import { getSchema } from "@tiptap/core";
import type { Node as ProseNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { sampleArticle } from "@/lib/render/render-fixtures";
import { demoStoryBodies } from "@/lib/seed/demo-story";

import { bodyExtensions } from "./body-extensions";
import { bodyMarkdown, typedText } from "./body-markdown-arbitraries";
import { offsetToEditorPosition } from "./editor-position";
import { parseBody, type BodySource } from "./parse-body";
import { serializeBody, serializeBodyWithLayout } from "./serialize-body";
import { testDataBodies } from "./test-data-bodies";

const schema = getSchema(bodyExtensions());

function roundTrip(markdown: string): string {
  const { doc, source } = parseBody(markdown, schema);
  return serializeBody(doc, source);
}

/** The document with child `index` replaced, every other child kept as the same object (as an edit does). */
function replaceChild(doc: ProseNode, index: number, node: ProseNode): ProseNode {
  return doc.copy(doc.content.replaceChild(index, node));
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

describe("an edit changes only the edited block", () => {
  it("keeps every other byte when one paragraph is retyped", () => {
    fc.assert(
      fc.property(bodyMarkdown, typedText, fc.nat(), (markdown, text, pick) => {
        const { doc, source } = parseBody(markdown, schema);
        const paragraphs: number[] = [];
        doc.forEach((child, _offset, index) => {
          if (child.type.name === "paragraph") paragraphs.push(index);
        });
        if (paragraphs.length === 0) return;
        const index = paragraphs[pick % paragraphs.length] ?? 0;
        const { layout } = serializeBodyWithLayout(doc, source);
        const before = layout[index] ?? { start: 0, end: 0 };
        const edited = replaceChild(doc, index, schema.node("paragraph", null, [schema.text(text)]));
        const after = serializeBodyWithLayout(edited, source);
        const at = after.layout[index] ?? { start: 0, end: 0 };
        expect(after.markdown.slice(0, at.start)).toBe(markdown.slice(0, before.start));
        expect(after.markdown.slice(at.end)).toBe(markdown.slice(before.end));
        // And the new paragraph reads back as what was typed.
        const reread = parseBody(after.markdown.slice(at.start, at.end), schema).doc;
        expect(reread.childCount).toBe(1);
        expect(reread.child(0).textContent).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the untouched items of a changed list", () => {
    const body = "Intro.\n\n*   First item\n*   Second item\n    continues here\n*   Third item\n\nOutro.\n";
    const { doc, source } = parseBody(body, schema);
    const list = doc.child(1);
    const changedItem = schema.node("listItem", null, [
      schema.node("paragraph", null, [schema.text("Second, edited")]),
    ]);
    const edited = replaceChild(doc, 1, list.copy(list.content.replaceChild(1, changedItem)));
    expect(serializeBody(edited, source)).toBe(
      "Intro.\n\n*   First item\n* Second, edited\n*   Third item\n\nOutro.\n",
    );
  });

  it("separates a new block by one blank line and keeps the author's gaps elsewhere", () => {
    const body = "One.\n\n\n\nTwo.\n";
    const { doc, source } = parseBody(body, schema);
    const added = doc.copy(
      doc.content.append(
        schema.node("doc", null, [schema.node("paragraph", null, [schema.text("Three.")])]).content,
      ),
    );
    expect(serializeBody(added, source)).toBe("One.\n\n\n\nTwo.\n\nThree.\n");
    const removed = doc.copy(doc.content.cut(0, doc.child(0).nodeSize));
    expect(serializeBody(removed, source)).toBe("One.\n");
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

describe("new content is written as a careful writer types it", () => {
  const write = (...nodes: ProseNode[]) => {
    const { source } = parseBody("", schema);
    return serializeBody(schema.node("doc", null, nodes), source);
  };
  const p = (...content: ProseNode[]) => schema.node("paragraph", null, content);
  const t = (text: string, ...marks: string[]) =>
    schema.text(
      text,
      marks.map((name) => schema.mark(name)),
    );

  it("uses *italic*, **bold**, backslash breaks, ## headings, - bullets and 1. lists", () => {
    expect(
      write(
        schema.node("heading", { level: 2 }, [t("Subhead")]),
        p(
          t("Plain "),
          t("italic", "italic"),
          t(" and "),
          t("bold", "bold"),
          schema.node("hardBreak"),
          t("next line"),
        ),
        schema.node("bulletList", null, [
          schema.node("listItem", null, [p(t("one"))]),
          schema.node("listItem", null, [p(t("two"))]),
        ]),
        schema.node("orderedList", { start: 1 }, [
          schema.node("listItem", null, [p(t("first"))]),
          schema.node("listItem", null, [p(t("second"))]),
        ]),
        p(schema.text("a link", [schema.mark("link", { href: "https://example.com", title: "Title" })])),
      ),
    ).toBe(
      '## Subhead\n\nPlain *italic* and **bold**\\\nnext line\n\n- one\n- two\n\n1. first\n2. second\n\n[a link](https://example.com "Title")',
    );
  });

  it("escapes typed markup so readers see the text", () => {
    expect(write(p(t("<script>alert(1)</script> *not* # [x](javascript:y)")))).toBe(
      "\\<script>alert(1)\\</script> \\*not\\* # \\[x]\\(javascript:y)",
    );
  });
});

describe("in the editor, a keystroke leaves the other blocks as read", () => {
  it("keeps the read nodes through loading and typing, so only the typed block is written afresh", () => {
    const markdown = "First *one*.\n\n- a\n- b\n\nSecond  \nline.\n\n\nThird.\n";
    const parsed = parseBody(markdown, schema);
    const empty = EditorState.create({ schema });
    const loaded = empty.apply(empty.tr.replaceWith(0, empty.doc.content.size, parsed.doc.content));
    loaded.doc.forEach((child, _offset, index) => expect(child).toBe(parsed.doc.child(index)));
    expect(serializeBody(loaded.doc, parsed.source)).toBe(markdown);
    // Type at the end of the third paragraph ("Third.").
    let end = 0;
    loaded.doc.forEach((child, offset, index) => {
      if (index === 3) end = offset + child.nodeSize - 1;
    });
    const typed = loaded.apply(loaded.tr.insertText(" More.", end));
    expect(serializeBody(typed.doc, parsed.source)).toBe(
      "First *one*.\n\n- a\n- b\n\nSecond  \nline.\n\n\nThird. More.\n",
    );
  });
});

describe("a place in the Markdown is found in the editor", () => {
  const body =
    'Intro with **bold** text.\n\n::photo{id="0b6e1234-1234-4234-8234-123456789abc" alt="A"}\n\n```\ncode\n```\n';
  const { doc, source } = parseBody(body, schema);
  const textAt = (pos: number) => doc.textBetween(pos, Math.min(pos + 4, doc.content.size));

  it("by character offset, skipping markup", () => {
    const pos = offsetToEditorPosition({ doc, source, at: { offset: body.indexOf("bold") } });
    expect(textAt(pos)).toBe("bold");
    const inCode = offsetToEditorPosition({ doc, source, at: { offset: body.indexOf("code") } });
    expect(textAt(inCode)).toBe("code");
  });

  it("by paragraph number, on the photo itself", () => {
    const pos = offsetToEditorPosition({ doc, source, at: { paragraph: 2 } });
    expect(doc.nodeAt(pos)?.type.name).toBe("photo");
  });
});
