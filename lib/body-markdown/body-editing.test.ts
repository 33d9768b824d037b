import { getSchema } from "@tiptap/core";
import type { Node as ProseNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bodyExtensions } from "./body-extensions";
import { bodyMarkdown, typedText } from "./body-markdown-arbitraries";
import { offsetToEditorPosition } from "./editor-position";
import { parseBody } from "./parse-body";
import { serializeBody, serializeBodyWithLayout } from "./serialize-body";

const schema = getSchema(bodyExtensions());
/** The document with child `index` replaced, every other child kept as the same object (as an edit does). */
function replaceChild(doc: ProseNode, index: number, node: ProseNode): ProseNode {
  return doc.copy(doc.content.replaceChild(index, node));
}

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

  it("keeps every byte outside a list or quote whose first paragraph is retyped, and the result reads back", () => {
    fc.assert(
      fc.property(bodyMarkdown, typedText, fc.nat(), (markdown, text, pick) => {
        const { doc, source } = parseBody(markdown, schema);
        const containers: number[] = [];
        doc.forEach((child, _offset, index) => {
          if (["blockquote", "bulletList", "orderedList"].includes(child.type.name)) containers.push(index);
        });
        if (containers.length === 0) return;
        const index = containers[pick % containers.length] ?? 0;
        const container = doc.child(index);
        const retyped = schema.node("paragraph", null, [schema.text(text)]);
        const part = container.child(pick % container.childCount);
        const changedPart =
          part.type.name === "listItem"
            ? part.copy(part.content.replaceChild(0, retyped))
            : part.type.name === "paragraph"
              ? retyped
              : part;
        const edited = container.copy(
          container.content.replaceChild(pick % container.childCount, changedPart),
        );
        const { layout } = serializeBodyWithLayout(doc, source);
        const before = layout[index] ?? { start: 0, end: 0 };
        const after = serializeBodyWithLayout(replaceChild(doc, index, edited), source);
        const at = after.layout[index] ?? { start: 0, end: 0 };
        expect(after.markdown.slice(0, at.start)).toBe(markdown.slice(0, before.start));
        expect(after.markdown.slice(at.end)).toBe(markdown.slice(before.end));
        // Read back with the indentation its first line has in the body (the rest of its lines carry theirs).
        const indent = /[ \t]*$/.exec(after.markdown.slice(0, at.start))?.[0] ?? "";
        const written = indent + after.markdown.slice(at.start, at.end);
        const reread = parseBody(written, schema).doc;
        expect(reread.childCount, written).toBe(1);
        expect(reread.child(0).toJSON(), written).toEqual(edited.toJSON());
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

  it("keeps the untouched blocks of a changed quote", () => {
    const body = "Intro.\n\n>  First, as *written*\n> and wrapped.\n>\n>\n> * a list\n>\n> Last.\n";
    const { doc, source } = parseBody(body, schema);
    const quote = doc.child(1);
    const changed = schema.node("paragraph", null, [
      schema.text("Last, edited"),
      schema.node("hardBreak"),
      schema.text("twice."),
    ]);
    const edited = replaceChild(doc, 1, quote.copy(quote.content.replaceChild(2, changed)));
    expect(serializeBody(edited, source)).toBe(
      "Intro.\n\n>  First, as *written*\n> and wrapped.\n>\n>\n> * a list\n>\n> Last, edited\\\n> twice.\n",
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

it("writes new blocks with the body's CRLF line endings", () => {
  const body = "One.\r\n\r\nTwo.\r\n";
  const { doc, source } = parseBody(body, schema);
  const list = schema.node("bulletList", null, [
    schema.node("listItem", null, [schema.node("paragraph", null, [schema.text("a")])]),
    schema.node("listItem", null, [schema.node("paragraph", null, [schema.text("b")])]),
  ]);
  expect(serializeBody(doc.copy(doc.content.addToEnd(list)), source)).toBe(
    "One.\r\n\r\nTwo.\r\n\r\n- a\r\n- b\r\n",
  );
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

describe("what the editor shows", () => {
  // Regression: lines joined by a single line break showed as separate lines but reached readers as one paragraph.
  it("shows a single line break inside a paragraph as the space readers get, and keeps its bytes", () => {
    const markdown = "The talks begin Monday.\nThe ministers arrive Sunday.\n\nSecond paragraph.";
    const { doc, source } = parseBody(markdown, schema);
    expect(doc.child(0).textContent).toBe("The talks begin Monday. The ministers arrive Sunday.");
    expect(serializeBody(doc, source)).toBe(markdown);
  });
});
