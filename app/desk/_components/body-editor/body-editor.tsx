"use client";

import type { AnyExtension } from "@tiptap/core";
import type { EditorProps } from "@tiptap/pm/view";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { bodyExtensions } from "@/lib/body-markdown/body-extensions";
import { parseBody, type BodySource } from "@/lib/body-markdown/parse-body";
import { serializeBody } from "@/lib/body-markdown/serialize-body";

import { useBodyViewMode } from "./use-body-view-mode";

type Props = {
  /** The body as Markdown, the stored format. A new value from outside (restore, merge) is read again. */
  value: string;
  /** The new Markdown after an edit in either view; never called for a `value` that came in. */
  onChange: (markdown: string) => void;
  /** id of the Markdown view's textarea (the label's htmlFor); the formatted view uses `labelId`. */
  id: string;
  /** id of the visible label, which names the formatted view ("Body"). */
  labelId: string;
  /** ids of the hint or error that describe the field. */
  describedBy: string;
  invalid?: boolean;
  /** Extra ProseMirror props for the formatted view (paste cleaning: transformPastedHTML, clipboardTextParser). */
  editorProps?: EditorProps;
  /** The editor's extensions, read once; default bodyExtensions() (pass it with a node swapped for its `.extend()`). */
  extensions?: AnyExtension[];
  /** Drawn above the formatted view with the live editor (the toolbar). */
  toolbar?: (editor: Editor) => ReactNode;
};

// Pasted text is never read as Markdown: "**x**" from the clipboard stays those characters. Only a pasted
// address becomes a link. One array for good: the editor's options are compared on every render, and a new
// one would reconfigure the editor each time.
const pasteRules = ["link"];

// What each editor was read from, so helpers (error positions, toolbar) can reach it: see bodySourceOf.
const sources = new WeakMap<Editor, BodySource>();

/** What the editor's document was read from, for offsetToEditorPosition; null before the first read. */
export function bodySourceOf(editor: Editor): BodySource | null {
  return sources.get(editor) ?? null;
}

/**
 * A textarea reports every line ending as LF; a body written with CRLF throughout gets them back, so typing
 * in the Markdown view does not rewrite every line of it.
 */
function withLineEndingsOf(before: string, typed: string): string {
  const crlf = before.split("\r\n").length - 1;
  const uniform = crlf > 0 && crlf === before.split("\n").length - 1;
  return uniform && !typed.includes("\r") ? typed.replace(/\n/g, "\r\n") : typed;
}

/** Puts `markdown` into the editor as one step that undo skips, and remembers its source. */
function load(editor: Editor, markdown: string) {
  const parsed = parseBody(markdown, editor.schema);
  sources.set(editor, parsed.source);
  const { state } = editor;
  const transaction = state.tr
    .replaceWith(0, state.doc.content.size, parsed.doc.content)
    .setMeta("addToHistory", false)
    .setMeta("copydeskBodyLoad", true);
  editor.view.dispatch(transaction);
}

/**
 * The story body: a formatted (WYSIWYG) view over the Markdown, which stays the stored format and is written
 * back without invented edits (lib/body-markdown), and a Markdown view one click away (a plain textarea).
 * The choice of view is remembered in this browser.
 */
export function BodyEditor({
  value,
  onChange,
  id,
  labelId,
  describedBy,
  invalid,
  editorProps,
  extensions,
  toolbar,
}: Props) {
  const [mode, setMode] = useBodyViewMode();
  // The Markdown the editor's document stands for: an incoming value equal to it is our own echo.
  const known = useRef(value);
  const latestValue = useRef(value);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    latestValue.current = value;
    onChangeRef.current = onChange;
  });
  const [initialExtensions] = useState(() => extensions ?? bodyExtensions());
  const formatted = mode === "formatted";

  const viewProps = useMemo<EditorProps>(
    () => ({
      ...editorProps,
      attributes: {
        ...(formatted ? { "aria-labelledby": labelId, "aria-describedby": describedBy } : {}),
        ...(invalid && formatted ? { "aria-invalid": "true" } : {}),
        role: "textbox",
        "aria-multiline": "true",
        // The public story's type (/styles/story.css), so the desk reads like the page.
        class: "desk-body-editor story story-body",
        spellcheck: "true",
      },
    }),
    [editorProps, formatted, labelId, describedBy, invalid],
  );

  const editor = useEditor({
    extensions: initialExtensions,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    enablePasteRules: pasteRules,
    editorProps: viewProps,
    onCreate: ({ editor: created }) => {
      known.current = latestValue.current;
      load(created, latestValue.current);
    },
    onUpdate: ({ editor: changed, transaction }) => {
      const source = sources.get(changed);
      if (!source || transaction.getMeta("copydeskBodyLoad")) return;
      const markdown = serializeBody(changed.state.doc, source);
      if (markdown === known.current) return;
      known.current = markdown;
      onChangeRef.current(markdown);
    },
  });

  // A value from outside (draft recovery, merge, restore, the Markdown view) is read again when the
  // formatted view shows; the editor's own emissions come back equal to `known` and are left alone.
  useEffect(() => {
    if (!editor || !formatted || value === known.current) return;
    known.current = value;
    load(editor, value);
  }, [editor, formatted, value]);

  return (
    <div className="desk-body-editor-frame">
      <div className="desk-body-view" role="group" aria-label="Editing view">
        <button
          type="button"
          className="desk-body-view-button"
          aria-pressed={formatted}
          onClick={() => setMode("formatted")}
        >
          Formatted
        </button>
        <button
          type="button"
          className="desk-body-view-button"
          aria-pressed={!formatted}
          onClick={() => setMode("markdown")}
        >
          Markdown
        </button>
      </div>
      {formatted && editor && toolbar ? toolbar(editor) : null}
      <div hidden={!formatted}>
        <EditorContent editor={editor} />
      </div>
      {formatted ? null : (
        <textarea
          id={id}
          className="desk-body-input"
          rows={18}
          value={value}
          onChange={(event) => onChange(withLineEndingsOf(value, event.target.value))}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
        />
      )}
    </div>
  );
}
