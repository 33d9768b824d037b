"use client";

import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState, type ComponentProps } from "react";

import { bodyExtensions } from "@/lib/body-markdown/body-extensions";
import { bodyPasteProps } from "@/lib/body-markdown/paste-editor-props";

import type { BodyEditingHandlers } from "./body-editing-keys";
import { BodyEditor } from "./body-editor";
import { BodyEditorTools, withEditingTools } from "./body-editor-tools";
import { bodyErrorPlace, markdownRangeOf } from "./body-error-place";

type Props = Omit<ComponentProps<typeof BodyEditor>, "extensions" | "toolbar" | "editorProps"> & {
  /** The save's refusal of the body, shown under it; one that names a place gets "Show me". */
  problem?: string;
  problemId: string;
};

/**
 * The body editor as the desk uses it: toolbar, link and photo dialogs, photo cards, and refusals that point
 * at their place. In the formatted view the place is selected and marked in the text; in the Markdown view
 * the same characters are selected in the textarea. Pastes from Docs, Word and web pages are cleaned
 * (lib/body-markdown/paste-editor-props.ts) wherever the body is edited, the merge screen included.
 */
export function BodyEditorWithTools({ problem, problemId, ...props }: Props) {
  const handlersRef = useRef<BodyEditingHandlers | null>(null);
  // eslint-disable-next-line react-hooks/refs -- the extension reads the ref in key, drop and paste handlers only, never while rendering
  const [extensions] = useState(() => withEditingTools(bodyExtensions(), handlersRef));
  const place = bodyErrorPlace(problem);
  const toolbar = useCallback(
    (editor: Editor) => <BodyEditorTools editor={editor} handlersRef={handlersRef} />,
    [],
  );

  const show = (focus: boolean) => {
    if (!place) return;
    if (handlersRef.current) {
      handlersRef.current.showPlace(place, { focus });
      return;
    }
    const textarea = document.getElementById(props.id);
    if (!(textarea instanceof HTMLTextAreaElement) || !focus) return;
    const range = markdownRangeOf(textarea.value, place);
    if (!range) return;
    textarea.focus();
    textarea.setSelectionRange(range.from, range.to);
    // A textarea scrolls to its selection only when typing; bring the line into view by its share of lines.
    const line = textarea.value.slice(0, range.from).split("\n").length - 1;
    const lines = textarea.value.split("\n").length;
    textarea.scrollTop = Math.max(0, (textarea.scrollHeight * line) / lines - textarea.clientHeight / 2);
  };

  // A new refusal marks its place in the text at once (without taking the keyboard there).
  useEffect(() => {
    const found = bodyErrorPlace(problem);
    if (found) handlersRef.current?.showPlace(found, { focus: false });
  }, [problem]);

  return (
    <>
      <BodyEditor {...props} editorProps={bodyPasteProps} extensions={extensions} toolbar={toolbar} />
      {problem ? (
        <div className="desk-body-problem">
          <p className="desk-error" id={problemId}>
            {problem}
          </p>
          {place ? (
            <button type="button" className="desk-button desk-button-small" onClick={() => show(true)}>
              Show me
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
