import type { Node as ProseNode } from "@tiptap/pm/model";

import { offsetToEditorPosition, type MarkdownPlace } from "@/lib/body-markdown/editor-position";
import type { BodySource } from "@/lib/body-markdown/parse-body";

/** A range of the editor's document; `node` when it is one whole atom (a photo) to select as a node. */
export type EditorRange = { from: number; to: number; node: boolean };

/**
 * The range of the editor's document a save refusal points at (lib/body-markdown/editor-position.ts finds
 * the position): the refused character itself, a photo as a whole node, or a whole paragraph's text.
 */
export function editorRangeOf(options: {
  doc: ProseNode;
  source: BodySource;
  place: MarkdownPlace;
}): EditorRange {
  const { doc, source, place } = options;
  const pos = offsetToEditorPosition({ doc, source, at: place });
  const $pos = doc.resolve(pos);
  const atom = $pos.depth === 0 ? doc.nodeAt(pos) : null;
  if (atom) return { from: pos, to: pos + atom.nodeSize, node: atom.isAtom };
  if ("paragraph" in place) return { from: $pos.start(1), to: $pos.end(1), node: false };
  return { from: pos, to: Math.min(pos + 1, $pos.end()), node: false };
}
