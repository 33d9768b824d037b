import type { Mark, Node as ProseNode, Schema } from "@tiptap/pm/model";
import type { BlockContent, DefinitionContent, List, PhrasingContent, RootContent, Table } from "mdast";

import { isAllowedBodyHref } from "./body-extensions";

/*
 * One Markdown block (mdast, as the public renderer parses it) as an editor node, or null when the editor
 * cannot hold it exactly: then the block is kept as a markdownBlock of its own source. "Exactly" means that
 * what the editor shows is what readers get, and that writing the node back gives the same tree.
 */

class Unrepresentable extends Error {}

/**
 * Line breaks as the editor shows them: a CRLF body's "\r" would show as an extra line. Blocks written
 * afresh get the body's own line ending back (serialize-body.ts).
 */
export function unixLines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

const refuse = (): never => {
  throw new Unrepresentable();
};

/** Reads a list's marker from the source (the parser does not keep it): "-", "*", "+", "." or ")". */
export type MarkerAt = (offset: number) => string;

type Context = { schema: Schema; markerAt: MarkerAt };

function addMark(marks: readonly Mark[], mark: Mark): readonly Mark[] {
  // The same mark twice (emphasis in emphasis) or a mark that excludes another (code) would be lost.
  if (mark.isInSet(marks) || marks.some((other) => other.type === mark.type)) refuse();
  const next = mark.addToSet(marks);
  if (next.length !== marks.length + 1) refuse();
  return next;
}

function inline(
  nodes: readonly PhrasingContent[],
  marks: readonly Mark[],
  context: Context,
  out: ProseNode[],
) {
  const { schema } = context;
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        // A single line break inside a paragraph is a space to readers, so the editor shows a space: written
        // as a line, it looked like two paragraphs that readers got as one run-on paragraph.
        if (node.value !== "") out.push(schema.text(unixLines(node.value).replace(/\n/g, " "), marks));
        break;
      case "emphasis":
        if (node.children.length === 0) refuse();
        inline(node.children, addMark(marks, schema.mark("italic")), context, out);
        break;
      case "strong":
        if (node.children.length === 0) refuse();
        inline(node.children, addMark(marks, schema.mark("bold")), context, out);
        break;
      case "delete":
        if (node.children.length === 0) refuse();
        inline(node.children, addMark(marks, schema.mark("strike")), context, out);
        break;
      case "inlineCode":
        if (node.value === "") refuse();
        out.push(schema.text(unixLines(node.value), addMark(marks, schema.mark("code"))));
        break;
      case "link":
        if (!isAllowedBodyHref(node.url) || node.children.length === 0) refuse();
        inline(
          node.children,
          addMark(marks, schema.mark("link", { href: node.url, title: node.title ?? null })),
          context,
          out,
        );
        break;
      case "break":
        out.push(schema.node("hardBreak", null, [], marks));
        break;
      default:
        // html, image, references, footnote references: shown as Markdown instead.
        refuse();
    }
  }
}

function inlineContent(nodes: readonly PhrasingContent[], context: Context): ProseNode[] {
  const out: ProseNode[] = [];
  inline(nodes, [], context, out);
  return out;
}

function list(node: List, context: Context): ProseNode {
  const { schema } = context;
  const loose = node.spread === true || node.children.some((item) => item.spread === true);
  const items = node.children.map((item) => {
    if (item.checked !== null && item.checked !== undefined) refuse();
    const [first] = item.children;
    if (first?.type !== "paragraph") refuse();
    return schema.node(
      "listItem",
      null,
      item.children.map((child) => block(child, context)),
    );
  });
  if (items.length === 0) refuse();
  const firstItem = node.children[0]?.position?.start.offset;
  let marker: string | null = null;
  if (firstItem !== undefined) {
    if (node.ordered) {
      let at = firstItem;
      while (/\d/.test(context.markerAt(at))) at += 1;
      marker = context.markerAt(at);
    } else marker = context.markerAt(firstItem);
  }
  return node.ordered
    ? schema.node("orderedList", { start: node.start ?? 1, marker, loose }, items)
    : schema.node("bulletList", { marker, loose }, items);
}

function table(node: Table, context: Context): ProseNode {
  const { schema } = context;
  const width = node.children[0]?.children.length ?? 0;
  if (width === 0) refuse();
  const rows = node.children.map((row, rowIndex) => {
    if (row.children.length !== width) refuse();
    return schema.node(
      "tableRow",
      null,
      row.children.map((cell, column) =>
        schema.node(rowIndex === 0 ? "tableHeader" : "tableCell", { align: node.align?.[column] ?? null }, [
          schema.node("paragraph", null, inlineContent(cell.children, context)),
        ]),
      ),
    );
  });
  return schema.node("table", null, rows);
}

function block(node: RootContent | BlockContent | DefinitionContent, context: Context): ProseNode {
  const { schema } = context;
  switch (node.type) {
    case "paragraph":
      return schema.node("paragraph", null, inlineContent(node.children, context));
    case "heading":
      return schema.node("heading", { level: node.depth }, inlineContent(node.children, context));
    case "thematicBreak":
      return schema.node("horizontalRule");
    case "blockquote":
      if (node.children.length === 0) refuse();
      return schema.node(
        "blockquote",
        null,
        node.children.map((child) => block(child, context)),
      );
    case "list":
      return list(node, context);
    case "table":
      return table(node, context);
    default:
      // code, html, definitions, footnote definitions: kept as Markdown.
      return refuse();
  }
}

/** The editor node for one top-level block, or null when it is to be kept as Markdown. */
export function proseFromMdast(node: RootContent, context: Context): ProseNode | null {
  try {
    const converted = block(node, context);
    converted.check();
    return converted;
  } catch (error) {
    if (error instanceof Unrepresentable) return null;
    // A node the schema refuses (check()) is also kept as Markdown rather than breaking the editor.
    if (error instanceof RangeError) return null;
    throw error;
  }
}
