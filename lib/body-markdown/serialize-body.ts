import type { Node as ProseNode } from "@tiptap/pm/model";

import { formatBodyPhotoLine, type BodyPhoto } from "@/lib/render/body-photo-line";

import type { BodySource } from "./parse-body";
import { blockOf, writeMdast, writerOptions } from "./prose-to-mdast";

/*
 * The editor's document back to Markdown without inventing edits: a top-level node that is the one read (or
 * equal to it) is written as its source, with the blank lines the author put before it; only changed blocks
 * are written afresh, and inside a changed top-level list the untouched items keep their bytes too. Fresh
 * Markdown is remembered per node, so a keystroke costs the changed block and a join, whatever the length.
 */

/** Where each top-level node of the document landed in the Markdown: [start, end) offsets. */
export type BodyLayout = { start: number; end: number }[];

const freshMarkdown = new WeakMap<ProseNode, string>();

function isBlankGap(gap: string): boolean {
  return /\n[ \t]*\r?\n/.test(gap);
}

/** A body written with CRLF line endings gets them in its new blocks too. */
function withLineEnding(markdown: string, source: BodySource): string {
  return source.lineEnding === "\n" ? markdown : markdown.replace(/\r?\n/g, "\r\n");
}

/** Markdown for a top-level node that is not the one read. */
function freshBlock(node: ProseNode, source: BodySource): string {
  const known = freshMarkdown.get(node);
  if (known !== undefined) return known;
  let markdown: string;
  if (node.type.name === "markdownBlock") markdown = node.textContent;
  else if (node.type.name === "photo") {
    const { photoId, alt, caption, credit } = node.attrs as BodyPhoto;
    markdown = photoId ? formatBodyPhotoLine({ photoId, alt, caption, credit }) : "";
  } else if (
    node.type.name === "bulletList" ||
    node.type.name === "orderedList" ||
    node.type.name === "blockquote"
  ) {
    markdown = freshContainer(node, source);
  } else if (node.type.name === "paragraph" && node.content.size === 0) {
    // An empty paragraph is nothing in Markdown (a cleared one, or the empty document's placeholder).
    markdown = "";
  } else {
    const block = blockOf(node);
    markdown = block ? writeMdast(block, writerOptions()) : "";
  }
  freshMarkdown.set(node, markdown);
  return markdown;
}

function freshItem(list: ProseNode, item: ProseNode, number: number): string {
  const block = blockOf(list.type.create({ ...list.attrs, start: number }, [item]));
  return block ? writeMdast(block, writerOptions()) : "";
}

/** A block written inside a quote: its later lines get the quote marker too. */
function quoted(markdown: string): string {
  return markdown
    .split("\n")
    .map((line, index) => (index === 0 ? line : line === "" ? ">" : `> ${line}`))
    .join("\n");
}

function isQuotedBlankGap(gap: string): boolean {
  return /\n[ \t]*>?[ \t]*\r?\n/.test(gap);
}

/**
 * A changed top-level list or quote: its parts read from the original keep their source (and the text
 * between them), the others are written afresh.
 */
function freshContainer(node: ProseNode, source: BodySource): string {
  let original: ProseNode | null = null;
  node.forEach((child) => {
    original ??= source.items.get(child)?.container ?? null;
  });
  if (!original) {
    const block = blockOf(node);
    return block ? writeMdast(block, writerOptions()) : "";
  }
  const from: ProseNode = original;
  const isQuote = node.type.name === "blockquote";
  const originalGaps: string[] = [];
  from.forEach((child) => originalGaps.push(source.items.get(child)?.gapBefore ?? "\n"));
  const keptOf = (child: ProseNode) => {
    const read = source.items.get(child);
    return read && read.container === from ? read : null;
  };
  const present = new Set<number>();
  node.forEach((child) => {
    const kept = keptOf(child);
    if (kept) present.add(kept.index);
  });
  const insertedGap = isQuote ? "\n>\n> " : (originalGaps[1] ?? (node.attrs.loose === true ? "\n\n" : "\n"));
  const parts: string[] = [];
  const ordered = node.type.name === "orderedList";
  let number = Number(node.attrs.start ?? 1);
  let previous = -1;
  let previousType: string | null = null;
  node.forEach((child, _offset, position) => {
    const kept = keptOf(child);
    const standsFor = kept ? kept.index : present.has(previous + 1) ? null : previous + 1;
    let gap = standsFor !== null ? (originalGaps[standsFor] ?? insertedGap) : insertedGap;
    if (position === 0) gap = originalGaps[0] ?? (isQuote ? "> " : "");
    else if (
      isQuote &&
      !isQuotedBlankGap(gap) &&
      !(
        standsFor === previous + 1 &&
        previousType === from.maybeChild(previous)?.type.name &&
        child.type.name === from.maybeChild(standsFor)?.type.name
      )
    )
      gap = insertedGap;
    parts.push(gap);
    if (kept) parts.push(kept.source);
    else if (isQuote) {
      const block = blockOf(child);
      parts.push(block ? quoted(writeMdast(block, writerOptions())) : "");
    } else parts.push(freshItem(node, child, number));
    if (standsFor !== null) previous = standsFor;
    previousType = child.type.name;
    if (ordered) number = (kept ? Number(/^\s*(\d+)/.exec(kept.source)?.[1] ?? number) : number) + 1;
  });
  return parts.join("");
}

/** Index in `source.nodes` each child keeps (identity or equality with the node read), or -1 when changed. */
function matchOriginals(doc: ProseNode, source: BodySource): number[] {
  const matched: number[] = [];
  const used = new Set<number>();
  let expected = 0;
  doc.forEach((child) => {
    let index = source.indexOf.get(child);
    if (index === undefined) {
      const candidate = source.nodes[expected];
      index = candidate && candidate.eq(child) ? expected : -1;
    }
    if (index >= 0 && used.has(index)) index = -1;
    if (index >= 0) {
      used.add(index);
      expected = index + 1;
    }
    matched.push(index);
  });
  return matched;
}

/** The document as Markdown, and where each top-level node landed. */
export function serializeBodyWithLayout(
  doc: ProseNode,
  source: BodySource,
): { markdown: string; layout: BodyLayout } {
  const matched = matchOriginals(doc, source);
  const blankLine = source.lineEnding.repeat(2);
  const present = new Set(matched.filter((index) => index >= 0));
  const parts: string[] = [];
  const layout: BodyLayout = [];
  let length = 0;
  let slot = -1; // the original slot the previous written node stands in
  let previousType: string | null = null;
  let written = 0;
  doc.forEach((child, _offset, childIndex) => {
    const index = matched[childIndex] ?? -1;
    let standsFor: number | null = index >= 0 ? index : null;
    if (standsFor === null && slot + 1 < source.nodes.length && !present.has(slot + 1)) standsFor = slot + 1;
    const text =
      index >= 0 ? (source.sources[index] ?? "") : withLineEnding(freshBlock(child, source), source);
    if (text === "") {
      if (standsFor !== null) slot = standsFor;
      layout.push({ start: length, end: length });
      return;
    }
    let gap: string;
    if (written === 0) gap = source.gaps[0] ?? "";
    else if (standsFor !== null) {
      const original = source.gaps[standsFor] ?? "\n\n";
      const sameShape =
        slot === standsFor - 1 &&
        previousType === (source.nodes[slot]?.type.name ?? null) &&
        child.type.name === source.nodes[standsFor]?.type.name;
      gap = sameShape || isBlankGap(original) ? original : blankLine;
    } else gap = blankLine;
    parts.push(gap, text);
    layout.push({ start: length + gap.length, end: length + gap.length + text.length });
    length += gap.length + text.length;
    if (standsFor !== null) slot = standsFor;
    previousType = child.type.name;
    written += 1;
  });
  parts.push(written === 0 && source.nodes.length > 0 ? "" : source.tail);
  return { markdown: parts.join(""), layout };
}

/** The document as Markdown: the source of every unchanged block, fresh Markdown for changed ones only. */
export function serializeBody(doc: ProseNode, source: BodySource): string {
  return serializeBodyWithLayout(doc, source).markdown;
}
