import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";

export type PlacedPhoto = { photoId: string; alt: string; caption: string; credit: string };

/**
 * Where a photo goes for a cursor (or drop point) at `at`: photos stand between top-level blocks (a photo line
 * is a paragraph of its own), so one asked for inside a paragraph, list or quote goes after that block, or
 * before it when the cursor is at its very start. An empty paragraph is replaced, as a writer expects of the
 * blank line they made for it.
 */
function slotFor(editor: Editor, at: number): { from: number; to: number } {
  const { doc } = editor.state;
  const $at = doc.resolve(Math.max(0, Math.min(at, doc.content.size)));
  if ($at.depth === 0) return { from: $at.pos, to: $at.pos };
  const block = $at.node(1);
  const before = $at.before(1);
  const after = $at.after(1);
  if (block.type.name === "paragraph" && block.content.size === 0) return { from: before, to: after };
  // Each level of nesting opens with one position, so the first character of the block is before + depth.
  const atStart = $at.pos <= before + $at.depth;
  return atStart ? { from: before, to: before } : { from: after, to: after };
}

/** Places a photo at `at` (default: the cursor), selects it and returns where it starts. */
export function placePhoto(editor: Editor, photo: PlacedPhoto, at?: number): number | null {
  const type = editor.schema.nodes.photo;
  if (!type) return null;
  const slot = slotFor(editor, at ?? editor.state.selection.from);
  const node = type.create(photo);
  const tr = editor.state.tr.replaceWith(slot.from, slot.to, node);
  tr.setSelection(NodeSelection.create(tr.doc, slot.from));
  editor.view.dispatch(tr.scrollIntoView());
  return slot.from;
}

/**
 * Puts the keyboard in the photo card at `pos`: its first field (the alt text, which the writer must give)
 * or another control. The card is drawn by React just after the transaction, so this waits a few frames.
 */
export function focusPhotoCard(editor: Editor, pos: number, control = "input", tries = 10): void {
  const dom = editor.view.nodeDOM(pos);
  const found = dom instanceof HTMLElement ? dom.querySelector<HTMLElement>(control) : null;
  if (found) {
    found.focus();
    found.scrollIntoView({ block: "nearest" });
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusPhotoCard(editor, pos, control, tries - 1));
}
