"use client";

import { getMarkRange, type AnyExtension, type Editor } from "@tiptap/core";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { memo, useEffect, useRef, useState, type RefObject } from "react";

import { usePhotoUpload, type UploadedPhoto } from "@/app/desk/_components/use-photo-upload";

import { BodyEditingKeys, markBodyRange, type BodyEditingHandlers } from "./body-editing-keys";
import { bodySourceOf } from "./body-editor";
import { editorRangeOf } from "./body-error-range";
import { BodyPhotoDialog } from "./body-photo-dialog";
import { BodyToolbar } from "./body-toolbar";
import { LinkDialog, type LinkDraft } from "./link-dialog";
import { PhotoNodeView } from "./photo-node-view";
import { focusPhotoCard, placePhoto } from "./place-photo";

export type BodyEditingHandlersRef = RefObject<BodyEditingHandlers | null>;

/**
 * The schema's extensions with the desk's editing on top: the photo drawn as an editable card, and the
 * editing keys. The schema itself (and so the Markdown) is unchanged.
 */
export function withEditingTools(
  extensions: AnyExtension[],
  handlersRef: BodyEditingHandlersRef,
): AnyExtension[] {
  return [
    ...extensions.map((extension) =>
      extension.name === "photo" && extension.type === "node"
        ? extension.extend({ addNodeView: () => ReactNodeViewRenderer(PhotoNodeView) })
        : extension,
    ),
    BodyEditingKeys.configure({ handlers: () => handlersRef.current }),
  ];
}

/** The link under the cursor, or the selected words, for the link dialog. */
function linkDraftOf(editor: Editor): LinkDraft {
  const { state } = editor;
  const { from, to, $from } = state.selection;
  const linkType = state.schema.marks.link;
  const range = linkType ? getMarkRange($from, linkType) : undefined;
  if (range && linkType) {
    const mark =
      $from.marks().find((found) => found.type === linkType) ??
      state.doc.nodeAt(range.from)?.marks.find((found) => found.type === linkType);
    const href = typeof mark?.attrs.href === "string" ? mark.attrs.href : "";
    return { href, text: state.doc.textBetween(range.from, range.to), editing: true };
  }
  return { href: "", text: state.doc.textBetween(from, to), editing: false };
}

type Props = {
  editor: Editor;
  handlersRef: BodyEditingHandlersRef;
  /** The id of the editable body, for the toolbar's aria-controls. */
  controls?: string;
};

/**
 * Everything around the text of the body: the toolbar, the link and photo dialogs, and uploads of photos
 * dropped or pasted into the text (placed where they were dropped, with the caption and credit the file
 * carries, for the writer to confirm).
 */
// Memo: the body's field re-renders with every keystroke; the toolbar follows the editor's state itself.
export const BodyEditorTools = memo(function BodyEditorTools({ editor, handlersRef, controls }: Props) {
  const [link, setLink] = useState<LinkDraft | null>(null);
  const [choosingPhoto, setChoosingPhoto] = useState(false);
  const toolbar = useRef<HTMLDivElement>(null);
  // Where the next uploaded photo goes, kept in step with edits made while it uploads.
  const uploadAt = useRef<number | null>(null);

  useEffect(() => {
    const follow = ({ transaction }: { transaction: { mapping: { map: (pos: number) => number } } }) => {
      if (uploadAt.current !== null) uploadAt.current = transaction.mapping.map(uploadAt.current);
    };
    editor.on("transaction", follow);
    return () => {
      editor.off("transaction", follow);
    };
  }, [editor]);

  const place = (photo: UploadedPhoto, at?: number) => {
    const pos = placePhoto(
      editor,
      { photoId: photo.id, alt: "", caption: photo.caption, credit: photo.credit },
      at,
    );
    if (pos === null) return null;
    focusPhotoCard(editor, pos);
    return pos;
  };
  const { upload, busy, error, notes } = usePhotoUpload({
    onUploaded: (photo) => {
      const pos = place(photo, uploadAt.current ?? undefined);
      // The next photo of the same drop goes after this one.
      if (pos !== null) uploadAt.current = pos + (editor.state.doc.nodeAt(pos)?.nodeSize ?? 1);
    },
  });

  const openLink = () => setLink(linkDraftOf(editor));
  useEffect(() => {
    handlersRef.current = {
      openLink,
      focusToolbar: () => toolbar.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus(),
      placeFiles: (files, at) => {
        uploadAt.current = at;
        void upload(files);
      },
      showPlace: (place, options) => {
        const source = bodySourceOf(editor);
        if (!source) return;
        markBodyRange(editor, editorRangeOf({ doc: editor.state.doc, source, place }), options);
      },
    };
    return () => {
      handlersRef.current = null;
    };
  });

  const applyLink = ({ href, text }: { href: string; text: string }) => {
    if (link?.editing) editor.chain().focus().extendMarkRange("link").run();
    const { from, to } = editor.state.selection;
    const selected = editor.state.doc.textBetween(from, to);
    const words = text.trim() || selected || href.replace(/^mailto:/, "");
    if (words === selected && from !== to) editor.chain().focus().setLink({ href }).run();
    else
      editor
        .chain()
        .focus()
        .insertContent({ type: "text", text: words, marks: [{ type: "link", attrs: { href } }] })
        // Typing on after the link is plain text again.
        .unsetMark("link")
        .run();
    setLink(null);
  };

  return (
    <>
      <BodyToolbar
        bar={toolbar}
        editor={editor}
        controls={controls}
        onLink={openLink}
        onPhoto={() => setChoosingPhoto(true)}
      />
      {busy ? (
        <p role="status" className="desk-hint">
          Uploading the photo…
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="desk-error">
          {error}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <ul role="status" className="desk-hint">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <LinkDialog
        draft={link}
        onApply={applyLink}
        onRemove={() => {
          editor.chain().focus().extendMarkRange("link").unsetLink().run();
          setLink(null);
        }}
        onClose={() => {
          setLink(null);
          editor.commands.focus();
        }}
      />
      <BodyPhotoDialog
        open={choosingPhoto}
        onPlace={(photo) => {
          setChoosingPhoto(false);
          place(photo);
        }}
        onUpload={(files) => {
          setChoosingPhoto(false);
          uploadAt.current = editor.state.selection.from;
          void upload(files);
        }}
        onClose={() => setChoosingPhoto(false)}
      />
    </>
  );
});
