"use client";

// The command types (toggleBold, insertTable, undo…) come with the extensions that add them.
import type {} from "@tiptap/extension-table";
import type {} from "@tiptap/starter-kit";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";

type Props = {
  editor: Editor;
  /** The toolbar element, for Alt+F10 from the text. */
  bar: RefObject<HTMLDivElement | null>;
  /** The id of the element the toolbar formats (the editable body). */
  controls?: string;
  label?: string;
  onLink: () => void;
  onPhoto: () => void;
};

type Tool = {
  name: string;
  glyph: ReactNode;
  shortcut?: string;
  keys?: string;
  /** Present for a format that is on or off at the cursor (aria-pressed). */
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
  group: string;
};

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * What the buttons show, read from the editor on each transaction but re-rendering only the toolbar, and only
 * when one of these values changed (not on every keystroke of the story).
 */
function useFormatsAtCursor(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      subhead: current.isActive("heading", { level: 2 }),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      link: current.isActive("link"),
      quote: current.isActive("blockquote"),
      bulleted: current.isActive("bulletList"),
      numbered: current.isActive("orderedList"),
      inTable: current.isActive("table"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
      canDeleteRow: current.can().deleteRow(),
      canDeleteColumn: current.can().deleteColumn(),
    }),
  });
}

/**
 * The body's formatting toolbar: one tab stop, arrow keys between buttons (roving tabindex), Escape back to
 * the text. Offers only what the public page renders: subheads, bold, italic, links, quotes, lists, tables
 * and photos.
 */
export function BodyToolbar({ editor, bar, controls, label = "Body formatting", onLink, onPhoto }: Props) {
  const formats = useFormatsAtCursor(editor);
  const [current, setCurrent] = useState(0);
  const mod = isMac() ? "⌘" : "Ctrl";
  const chain = () => editor.chain();

  const tools: Tool[] = [
    {
      name: "Subhead",
      glyph: "Subhead",
      keys: "## ",
      pressed: formats.subhead,
      run: () => chain().toggleHeading({ level: 2 }).run(),
      group: "block",
    },
    {
      name: "Bold",
      glyph: <b>B</b>,
      shortcut: `${mod}+B`,
      keys: "Control+B",
      pressed: formats.bold,
      run: () => chain().toggleBold().run(),
      group: "inline",
    },
    {
      name: "Italic",
      glyph: <i>I</i>,
      shortcut: `${mod}+I`,
      keys: "Control+I",
      pressed: formats.italic,
      run: () => chain().toggleItalic().run(),
      group: "inline",
    },
    {
      name: "Link",
      glyph: "Link",
      shortcut: `${mod}+K`,
      keys: "Control+K",
      pressed: formats.link,
      run: onLink,
      group: "inline",
    },
    {
      name: "Quote",
      glyph: "“Quote”",
      keys: "> ",
      pressed: formats.quote,
      run: () => chain().toggleBlockquote().run(),
      group: "block",
    },
    {
      name: "Bulleted list",
      glyph: "• List",
      keys: "- ",
      pressed: formats.bulleted,
      run: () => chain().toggleBulletList().run(),
      group: "list",
    },
    {
      name: "Numbered list",
      glyph: "1. List",
      keys: "1. ",
      pressed: formats.numbered,
      run: () => chain().toggleOrderedList().run(),
      group: "list",
    },
    ...(formats.inTable
      ? [
          { name: "Add row", glyph: "+ Row", run: () => chain().addRowAfter().run(), group: "table" },
          {
            name: "Remove row",
            glyph: "− Row",
            disabled: !formats.canDeleteRow,
            run: () => chain().deleteRow().run(),
            group: "table",
          },
          {
            name: "Add column",
            glyph: "+ Column",
            run: () => chain().addColumnAfter().run(),
            group: "table",
          },
          {
            name: "Remove column",
            glyph: "− Column",
            disabled: !formats.canDeleteColumn,
            run: () => chain().deleteColumn().run(),
            group: "table",
          },
          {
            name: "Remove table",
            glyph: "Remove table",
            run: () => chain().deleteTable().run(),
            group: "table",
          },
        ]
      : [
          {
            name: "Table",
            glyph: "Table",
            run: () => chain().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(),
            group: "table",
          },
        ]),
    { name: "Photo", glyph: "Photo", run: onPhoto, group: "photo" },
    {
      name: "Undo",
      glyph: "↶",
      shortcut: `${mod}+Z`,
      keys: "Control+Z",
      disabled: !formats.canUndo,
      run: () => chain().undo().run(),
      group: "history",
    },
    {
      name: "Redo",
      glyph: "↷",
      shortcut: isMac() ? "⇧⌘Z" : "Ctrl+Y",
      keys: "Control+Shift+Z",
      disabled: !formats.canRedo,
      run: () => chain().redo().run(),
      group: "history",
    },
  ];
  // The roving tab stop stays on a button that exists and can be used.
  const usable = tools.flatMap((tool, index) => (tool.disabled ? [] : [index]));
  const stop = usable.includes(current) ? current : (usable[0] ?? 0);

  const buttons = () => [
    ...(bar.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? []),
  ];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Arrows, Home and End move between buttons; with Ctrl, Alt or Cmd they are someone's shortcut for the text
    // (Ctrl+End typed just after Escape, before the text has the focus back), never a move in the toolbar.
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const list = buttons();
    const at = list.findIndex((button) => button === document.activeElement);
    let next: number | null = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (at + 1) % list.length;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp")
      next = (at - 1 + list.length) % list.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = list.length - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      editor.commands.focus();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    list[next]?.focus();
  };

  let previousGroup = "";
  return (
    <div
      ref={bar}
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      className="desk-body-toolbar"
      onKeyDown={onKeyDown}
    >
      {tools.map((tool, index) => {
        const separated = previousGroup !== "" && previousGroup !== tool.group;
        previousGroup = tool.group;
        return (
          <span key={tool.name} className={separated ? "desk-body-tool-group-start" : undefined}>
            <button
              type="button"
              className="desk-body-tool"
              tabIndex={index === stop ? 0 : -1}
              aria-label={tool.name}
              aria-pressed={tool.pressed}
              aria-keyshortcuts={tool.keys && !tool.keys.endsWith(" ") ? tool.keys : undefined}
              title={
                tool.shortcut
                  ? `${tool.name} (${tool.shortcut})`
                  : tool.keys
                    ? `${tool.name} (type “${tool.keys.trim()}” at the start of a line)`
                    : tool.name
              }
              disabled={tool.disabled}
              // A click keeps the cursor (and the selection) in the text.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setCurrent(index)}
              onClick={(event) => {
                const button = event.currentTarget;
                tool.run();
                // A button that went away with its action (Table once inside the table) would drop the
                // keyboard on the page: the text takes it instead.
                requestAnimationFrame(() => {
                  if (!button.isConnected && !document.querySelector("dialog[open]")) editor.commands.focus();
                });
              }}
            >
              <span aria-hidden="true">{tool.glyph}</span>
            </button>
          </span>
        );
      })}
    </div>
  );
}
