"use client";

import { memo, useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from "react";

import { moveItem, rowKey, type ImageDraft } from "./editor-draft";
import { errorProps, FieldError } from "./field-error";
import { PhotoLibraryPicker } from "./photo-library-picker";
import { photoOriginalPath, photoThumbnailPath } from "./photo-paths";
import { usePhotoUpload, type UploadedPhoto } from "./use-photo-upload";

type Props = {
  images: ImageDraft[];
  onChange: (images: ImageDraft[]) => void;
  fieldErrors: Record<string, string>;
};

type FieldName = "url" | "alt" | "caption" | "credit";
const fields: { name: FieldName; label: string; hint: string }[] = [
  { name: "url", label: "Image URL", hint: "https://… or a path on this site" },
  {
    name: "alt",
    label: "Alt text (required to publish)",
    hint: "What the picture shows, for people who cannot see it. The caption is not a substitute.",
  },
  { name: "caption", label: "Caption", hint: "" },
  { name: "credit", label: "Credit", hint: "Photographer / Agency" },
];

const imageFiles = (list: FileList | null | undefined) =>
  [...(list ?? [])].filter((file) => file.type.startsWith("image/") || file.type === "");

/**
 * Images of the story in order. Photos come in by drag and drop, paste, the file picker or the library;
 * each is prefilled with the caption and credit its file carries, for the editor to confirm. Images by
 * URL (stories from before the library) keep their URL field.
 */
export const ImageListEditor = memo(function ImageListEditor({ images, onChange, fieldErrors }: Props) {
  // Several files upload one after another; each lands in the list as it is when that upload finishes.
  const latest = useRef(images);
  useEffect(() => {
    latest.current = images;
  }, [images]);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const update = (index: number, patch: Partial<ImageDraft>) =>
    onChange(images.map((image, at) => (at === index ? { ...image, ...patch } : image)));
  const addPhoto = (photo: UploadedPhoto) =>
    onChange([
      ...latest.current,
      { key: rowKey(), photoId: photo.id, url: "", alt: "", caption: photo.caption, credit: photo.credit },
    ]);
  const { upload, busy, error, notes } = usePhotoUpload({ onUploaded: addPhoto });

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void upload(imageFiles(event.dataTransfer.files));
  };
  const onPaste = (event: ClipboardEvent<HTMLFieldSetElement>) => {
    const files = imageFiles(event.clipboardData.files);
    if (files.length === 0) return;
    event.preventDefault();
    void upload(files);
  };

  return (
    <fieldset className="desk-panel desk-list-editor" onPaste={onPaste}>
      <legend className="desk-legend">Photos</legend>
      <p className="desk-hint">
        The lead photo comes first; the rest follow the story. To put a photo between paragraphs, place it in
        the body: its Photo button, or drop the file into the text.
      </p>
      <div
        className={`desk-dropzone${dragging ? " desk-dropzone-active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="photo-dropzone"
      >
        <p>
          Drop photos here, paste one, or{" "}
          <button
            type="button"
            className="desk-button desk-button-small"
            onClick={() => picker.current?.click()}
          >
            choose files
          </button>
        </p>
        <p className="desk-hint">
          JPEG, PNG, WebP, AVIF or GIF, up to 40 MB (HEIC: export as JPEG first). Caption and credit are read
          from the file.
        </p>
        <input
          ref={picker}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          multiple
          hidden
          aria-label="Upload photos"
          onChange={(event) => {
            void upload(imageFiles(event.target.files));
            event.target.value = "";
          }}
        />
        {busy ? <p role="status">Uploading…</p> : null}
        {error ? (
          <p role="alert" className="desk-error">
            {error}
          </p>
        ) : null}
        {notes.length > 0 ? (
          <div role="status" className="desk-upload-notes">
            <ul>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <PhotoLibraryPicker onPick={addPhoto} />
      {images.length === 0 ? <p className="desk-hint">No photos yet.</p> : null}
      <ol className="desk-rows">
        {images.map((image, index) => (
          <li key={image.key} className="desk-row-card">
            <div className="desk-row-card-head">
              <span className="desk-label">Photo {index + 1}</span>
              <div className="desk-button-row">
                <button
                  type="button"
                  className="desk-button desk-button-small"
                  disabled={index === 0}
                  onClick={() => onChange(moveItem(images, index, -1))}
                  aria-label={`Move image ${index + 1} up`}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  className="desk-button desk-button-small"
                  disabled={index === images.length - 1}
                  onClick={() => onChange(moveItem(images, index, 1))}
                  aria-label={`Move image ${index + 1} down`}
                >
                  ↓ Down
                </button>
                <button
                  type="button"
                  className="desk-button desk-button-small desk-button-danger"
                  onClick={() => onChange(images.filter((_, at) => at !== index))}
                  aria-label={`Remove image ${index + 1}`}
                >
                  Remove
                </button>
              </div>
            </div>
            <div className="desk-photo-row">
              {image.photoId ? (
                <a
                  href={photoOriginalPath(image.photoId)}
                  className="desk-photo-thumb"
                  title="Download the original (desk only)"
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized */}
                  <img src={photoThumbnailPath(image.photoId)} alt="" />
                </a>
              ) : null}
              <div className="desk-row">
                {fields
                  .filter((field) => field.name !== "url" || !image.photoId)
                  .map((field) => {
                    const id = `image-${image.key}-${field.name}`;
                    const error = fieldErrors[`images.${index}.${field.name}`];
                    return (
                      <div className="desk-field" key={field.name}>
                        <label htmlFor={id}>{field.label}</label>
                        <input
                          id={id}
                          type="text"
                          value={image[field.name]}
                          onChange={(event) => update(index, { [field.name]: event.target.value })}
                          {...errorProps(`${id}-error`, error)}
                        />
                        {field.hint ? <p className="desk-hint">{field.hint}</p> : null}
                        <FieldError id={`${id}-error`} message={error} />
                      </div>
                    );
                  })}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </fieldset>
  );
});
