import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";

/**
 * Moves the block at `pos` one place up or down among its siblings (a photo past the paragraph above it),
 * keeping it selected so the next Alt+↑ moves it again. Returns where it now starts, or null when it is
 * already first or last.
 */
export function moveBlock(editor: Editor, pos: number, direction: -1 | 1): number | null {
  const { state } = editor;
  const node = state.doc.nodeAt(pos);
  if (!node) return null;
  const $pos = state.doc.resolve(pos);
  const index = $pos.index();
  const sibling = $pos.parent.maybeChild(index + direction);
  if (!sibling) return null;
  const tr = state.tr.delete(pos, pos + node.nodeSize);
  const target = direction < 0 ? pos - sibling.nodeSize : pos + sibling.nodeSize;
  tr.insert(target, node);
  tr.setSelection(NodeSelection.create(tr.doc, target));
  editor.view.dispatch(tr.scrollIntoView());
  return target;
}

/** Where the photo the selection is on starts, or null when the selection is not on one photo. */
export function selectedNodeOf(editor: Editor, typeName: string): number | null {
  const { selection } = editor.state;
  return selection instanceof NodeSelection && selection.node.type.name === typeName ? selection.from : null;
}
