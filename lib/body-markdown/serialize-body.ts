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

/** Markdown for a top-level node that is not the one read. */
function freshBlock(node: ProseNode, source: BodySource): string {
  const known = freshMarkdown.get(node);
  if (known !== undefined) return known;
  let markdown: string;
  if (node.type.name === "markdownBlock") markdown = node.textContent;
  else if (node.type.name === "photo") {
    const { photoId, alt, caption, credit } = node.attrs as BodyPhoto;
    markdown = photoId ? formatBodyPhotoLine({ photoId, alt, caption, credit }) : "";
  } else if (node.type.name === "bulletList" || node.type.name === "orderedList") {
    markdown = freshList(node, source);
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

/** A changed top-level list: items read from its original keep their source, the others are written afresh. */
function freshList(list: ProseNode, source: BodySource): string {
  let original: ProseNode | null = null;
  list.forEach((item) => {
    original ??= source.items.get(item)?.list ?? null;
  });
  if (!original) {
    const block = blockOf(list);
    return block ? writeMdast(block, writerOptions()) : "";
  }
  const from: ProseNode = original;
  const originalGaps: string[] = [];
  from.forEach((item) => originalGaps.push(source.items.get(item)?.gapBefore ?? "\n"));
  const keptOf = (item: ProseNode) => {
    const read = source.items.get(item);
    return read && read.list === from ? read : null;
  };
  const present = new Set<number>();
  list.forEach((item) => {
    const kept = keptOf(item);
    if (kept) present.add(kept.index);
  });
  const insertedGap = originalGaps[1] ?? (list.attrs.loose === true ? "\n\n" : "\n");
  const parts: string[] = [];
  const ordered = list.type.name === "orderedList";
  let number = Number(list.attrs.start ?? 1);
  let previous = -1;
  list.forEach((item, _offset, position) => {
    const kept = keptOf(item);
    const standsFor = kept ? kept.index : present.has(previous + 1) ? null : previous + 1;
    if (position > 0) parts.push(standsFor !== null ? (originalGaps[standsFor] ?? insertedGap) : insertedGap);
    parts.push(kept ? kept.source : freshItem(list, item, number));
    if (standsFor !== null) previous = standsFor;
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
    const text = index >= 0 ? (source.sources[index] ?? "") : freshBlock(child, source);
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
      gap = sameShape || isBlankGap(original) ? original : "\n\n";
    } else gap = "\n\n";
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
