import type {} from "@tiptap/extension-table";

import { Extension, type Editor } from "@tiptap/core";
import { NodeSelection, Plugin, PluginKey, TextSelection, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

import type { BodyErrorPlace } from "./body-error-place";
import type { EditorRange } from "./body-error-range";
import { moveBlock, selectedNodeOf } from "./move-block";
import { focusPhotoCard } from "./place-photo";

/** What the editing keys hand back to the React component around the editor. */
export type BodyEditingHandlers = {
  /** Ctrl/Cmd+K: the link dialog. */
  openLink: () => void;
  /** Alt+F10 (the usual "to the toolbar" key of rich-text editors). */
  focusToolbar: () => void;
  /** Image files dropped or pasted into the text; `at` is where they go. */
  placeFiles: (files: File[], at: number) => void;
  /** Selects and marks where a save refusal points; `focus` also takes the keyboard (and the view) there. */
  showPlace: (place: BodyErrorPlace, options: { focus: boolean }) => void;
};

const imageFiles = (list: FileList | null | undefined) =>
  [...(list ?? [])].filter((file) => file.type.startsWith("image/"));

const tabbable =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Moves focus to the first control after `element` in page order: Tab leaving the editor. */
function focusAfter(element: HTMLElement): boolean {
  const all = [...document.querySelectorAll<HTMLElement>(tabbable)];
  const next = all.find(
    (candidate) =>
      !element.contains(candidate) &&
      element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING &&
      candidate.offsetParent !== null,
  );
  next?.focus();
  return next !== undefined;
}

const errorMarkKey = new PluginKey<DecorationSet>("bodyErrorMark");

/**
 * Marks the place a save refusal points at (until the next edit), selects it, scrolls it into view and, when
 * asked, puts the keyboard there.
 */
export function markBodyRange(editor: Editor, range: EditorRange, options: { focus: boolean }): void {
  const { state } = editor;
  const tr = state.tr.setMeta(errorMarkKey, range);
  if (options.focus) {
    tr.setSelection(
      range.node
        ? NodeSelection.create(state.doc, range.from)
        : TextSelection.create(state.doc, range.from, range.to),
    );
    tr.scrollIntoView();
  }
  editor.view.dispatch(tr);
  if (options.focus) {
    editor.view.focus();
    // ProseMirror scrolls the selection just into view; a refusal's place is better in the middle.
    const dom = range.node ? editor.view.nodeDOM(range.from) : null;
    const target = dom instanceof HTMLElement ? dom : editor.view.domAtPos(range.from).node.parentElement;
    target?.scrollIntoView({ block: "center" });
  }
}

function errorMarks(doc: EditorState["doc"], range: EditorRange): DecorationSet {
  const mark = { class: "desk-body-error-mark" };
  const decoration = range.node
    ? Decoration.node(range.from, range.to, mark)
    : Decoration.inline(range.from, Math.max(range.to, range.from + 1), mark, { inclusiveEnd: false });
  return DecorationSet.create(doc, [decoration]);
}

/**
 * The desk's keys in the body: Ctrl/Cmd+K for a link, Alt+↑/↓ to move a selected photo, Alt+F10 to the
 * toolbar, and Tab that never traps focus (in a list it indents, in a table it moves between cells; past the
 * last cell it leaves instead of adding rows). Dropped or pasted image files are handed on for upload.
 */
export const BodyEditingKeys = Extension.create<{
  // A function, not the ref itself: TipTap deep-copies plain option objects, which would cut the ref off.
  handlers: () => BodyEditingHandlers | null;
}>({
  name: "bodyEditingKeys",
  // Ahead of the table's own Tab, which would add a row at the last cell.
  priority: 1000,

  addOptions() {
    return { handlers: () => null };
  },

  addKeyboardShortcuts() {
    const handlers = () => this.options.handlers();
    const movePhoto = (direction: -1 | 1) => {
      const pos = selectedNodeOf(this.editor, "photo");
      return pos !== null && moveBlock(this.editor, pos, direction) !== null;
    };
    return {
      "Mod-k": () => {
        handlers()?.openLink();
        return true;
      },
      "Alt-ArrowUp": () => movePhoto(-1),
      // Enter on a selected photo goes into its card (alt text first).
      Enter: () => {
        const pos = selectedNodeOf(this.editor, "photo");
        if (pos === null) return false;
        focusPhotoCard(this.editor, pos);
        return true;
      },
      "Alt-ArrowDown": () => movePhoto(1),
      "Alt-F10": () => {
        handlers()?.focusToolbar();
        return true;
      },
      Tab: () => {
        if (!this.editor.isActive("table")) return false;
        if (this.editor.commands.goToNextCell()) return true;
        return focusAfter(this.editor.view.dom);
      },
    };
  },

  addProseMirrorPlugins() {
    const handlers = () => this.options.handlers();
    return [
      new Plugin<DecorationSet>({
        key: errorMarkKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, marks) => {
            const range = tr.getMeta(errorMarkKey) as EditorRange | undefined;
            if (range) return errorMarks(tr.doc, range);
            return tr.docChanged ? DecorationSet.empty : marks;
          },
        },
        props: { decorations: (state) => errorMarkKey.getState(state) },
      }),
      new Plugin({
        key: new PluginKey("bodyPhotoFiles"),
        props: {
          handleDrop: (view, event) => {
            const files = imageFiles(event.dataTransfer?.files);
            if (files.length === 0) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            event.preventDefault();
            handlers()?.placeFiles(files, at?.pos ?? view.state.selection.from);
            return true;
          },
          handlePaste: (view, event) => {
            // Word and some browsers put a picture of the copied text beside its HTML: text wins.
            const types = event.clipboardData?.types ?? [];
            if (types.includes("text/html") || types.includes("text/plain")) return false;
            const files = imageFiles(event.clipboardData?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            handlers()?.placeFiles(files, view.state.selection.from);
            return true;
          },
        },
      }),
    ];
  },
});
