import type { Node as ProseNode } from "@tiptap/pm/model";

import { markdownRangeOf, type BodyErrorPlace } from "./body-error-place";

/** Where each top-level node of the document landed in the Markdown: [start, end) offsets. */
export type BodyLayout = { start: number; end: number }[];

/** A range of the editor's document; `node` when it is one whole atom (a photo) to select as a node. */
export type EditorRange = { from: number; to: number; node: boolean };

/** The top-level node whose Markdown holds `offset` (or the nearest one before it, for a blank line). */
function blockAt(layout: BodyLayout, offset: number): number {
  let found = -1;
  layout.forEach((part, index) => {
    if (part.end > part.start && part.start <= offset) found = index;
  });
  return found;
}

/**
 * The range of the editor's document a save refusal points at. A character is found by its own kind: the
 * refused character is also in the editor's text (an invisible control character, a broken surrogate), so
 * the n-th such character of the block's Markdown is the n-th of its text. A paragraph is its whole block.
 */
export function editorRangeOf(options: {
  doc: ProseNode;
  layout: BodyLayout;
  markdown: string;
  place: BodyErrorPlace;
}): EditorRange | null {
  const { doc, layout, markdown, place } = options;
  const range = markdownRangeOf(markdown, place);
  if (!range) return null;
  const index = blockAt(layout, range.from);
  if (index < 0 || index >= doc.childCount) return null;
  let start = 0;
  for (let at = 0; at < index; at += 1) start += doc.child(at).nodeSize;
  const block = doc.child(index);
  const whole: EditorRange = block.isAtom
    ? { from: start, to: start + block.nodeSize, node: true }
    : { from: start + 1, to: start + block.nodeSize - 1, node: false };
  if (!("offset" in place) || block.isAtom) return whole;
  const character = markdown.slice(range.from, range.to);
  const blockStart = layout[index]?.start ?? 0;
  const before = markdown.slice(blockStart, range.from).split(character).length - 1;
  let seen = 0;
  let found: EditorRange | null = null;
  block.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const text = node.text ?? "";
    for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) {
      if (seen === before) {
        const from = start + 1 + pos + at;
        found = { from, to: from + character.length, node: false };
        return false;
      }
      seen += 1;
    }
    return true;
  });
  return found ?? whole;
}
