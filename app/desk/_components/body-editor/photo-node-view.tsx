"use client";

import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { useId, useState, type KeyboardEvent } from "react";

import { photoThumbnailPath } from "@/app/desk/_components/photo-paths";

import { moveBlock } from "./move-block";
import { focusPhotoCard } from "./place-photo";

type Field = "alt" | "caption" | "credit";

const stringAttr = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * One text input of the photo card. Keeps what is typed locally so the caret never jumps while the node's
 * attribute catches up, and takes the attribute when it changes from elsewhere (undo, a merge).
 */
function PhotoText(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  warn?: string;
  onChange: (value: string) => void;
}) {
  const [typed, setTyped] = useState(props.value);
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    setSeen(props.value);
    setTyped(props.value);
  }
  const described = [props.hint ? `${props.id}-hint` : "", props.warn ? `${props.id}-warn` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="desk-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        value={typed}
        maxLength={1000}
        aria-describedby={described || undefined}
        onChange={(event) => {
          setTyped(event.target.value);
          props.onChange(event.target.value);
        }}
        onKeyDown={(event) => {
          // Enter in a caption must not reach the story form (nor publish anything).
          if (event.key === "Enter") event.preventDefault();
        }}
      />
      {props.hint ? (
        <p className="desk-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.warn ? (
        <p className="desk-body-photo-warn" id={`${props.id}-warn`}>
          {props.warn}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A photo placed in the body, as the editor sees it: the picture and its alt text, caption and credit, each
 * editable in place; moved by dragging the card or with its buttons (and Alt+↑/↓ when selected); removed
 * with its button or Backspace.
 */
export function PhotoNodeView({
  node,
  editor,
  getPos,
  updateAttributes,
  deleteNode,
  selected,
}: ReactNodeViewProps) {
  const id = useId();
  const photoId = stringAttr(node.attrs.photoId);
  const attrs: Record<Field, string> = {
    alt: stringAttr(node.attrs.alt),
    caption: stringAttr(node.attrs.caption),
    credit: stringAttr(node.attrs.credit),
  };
  const position = () => {
    const pos = getPos();
    return typeof pos === "number" ? pos : null;
  };
  const move = (direction: -1 | 1) => {
    const pos = position();
    const moved = pos === null ? null : moveBlock(editor, pos, direction);
    // A moved photo is drawn afresh: the keyboard goes to the same button on the new card.
    if (moved !== null) focusPhotoCard(editor, moved, `button[data-move="${direction}"]`);
  };
  const backToText = () => {
    const pos = position();
    if (pos !== null) editor.chain().setNodeSelection(pos).focus().run();
  };
  const editable = editor.isEditable;
  return (
    <NodeViewWrapper
      as="figure"
      className={`desk-body-photo${selected ? " desk-body-photo-selected" : ""}`}
      aria-labelledby={`${id}-title`}
      data-photo-id={photoId}
      // Escape anywhere in the card goes back to the text, with the photo selected (Alt+↑/↓ move it).
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        backToText();
      }}
    >
      <div className="desk-body-photo-head">
        <span
          className="desk-body-photo-grip"
          data-drag-handle=""
          title="Drag to move the photo"
          aria-hidden="true"
        >
          ⠿
        </span>
        <span className="desk-label" id={`${id}-title`}>
          Photo in the body
        </span>
        {editable ? (
          <span className="desk-button-row">
            <button
              type="button"
              className="desk-button desk-button-small"
              aria-label="Move photo up"
              data-move="-1"
              title="Move photo up (Alt+↑ when the photo is selected)"
              onClick={() => move(-1)}
            >
              ↑ Up
            </button>
            <button
              type="button"
              className="desk-button desk-button-small"
              aria-label="Move photo down"
              data-move="1"
              title="Move photo down (Alt+↓ when the photo is selected)"
              onClick={() => move(1)}
            >
              ↓ Down
            </button>
            <button
              type="button"
              className="desk-button desk-button-small desk-button-danger"
              aria-label="Remove photo from the body"
              onClick={() => {
                deleteNode();
                editor.commands.focus();
              }}
            >
              Remove
            </button>
          </span>
        ) : null}
      </div>
      <div className="desk-body-photo-main">
        {/* eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized */}
        <img className="desk-body-photo-img" src={photoThumbnailPath(photoId)} alt="" draggable={false} />
        <div className="desk-body-photo-fields">
          <PhotoText
            id={`${id}-alt`}
            label="Alt text (required to publish)"
            hint="What the picture shows, for people who cannot see it. The caption is not a substitute."
            value={attrs.alt}
            warn={attrs.alt.trim() ? undefined : "Needed before this story can be published."}
            onChange={(alt) => updateAttributes({ alt })}
          />
          <PhotoText
            id={`${id}-caption`}
            label="Caption"
            value={attrs.caption}
            onChange={(caption) => updateAttributes({ caption })}
          />
          <PhotoText
            id={`${id}-credit`}
            label="Credit"
            hint="Photographer / Agency"
            value={attrs.credit}
            onChange={(credit) => updateAttributes({ credit })}
          />
        </div>
      </div>
    </NodeViewWrapper>
  );
}
