"use client";

import { type ImageDraft, rowKey } from "./editor-draft";
import { FieldError, errorProps } from "./field-error";
import { moveItem } from "./move-item";

type Props = {
  images: ImageDraft[];
  onChange: (images: ImageDraft[]) => void;
  fieldErrors: Record<string, string>;
};

const fields = [
  { name: "url", label: "Image URL", hint: "https://… or a path on this site" },
  { name: "alt", label: "Alt text", hint: "What the image shows, for people who cannot see it" },
  { name: "caption", label: "Caption", hint: "" },
  { name: "credit", label: "Credit", hint: "Photographer/Agency" },
] as const;

/** Images of the story in order: each with URL, alt text, caption and credit. */
export function ImageListEditor({ images, onChange, fieldErrors }: Props) {
  const update = (index: number, patch: Partial<ImageDraft>) => onChange(images.map((image, at) => (at === index ? { ...image, ...patch } : image)));
  return (
    <fieldset className="desk-panel desk-list-editor">
      <legend className="desk-legend">Images</legend>
      {images.length === 0 ? <p className="desk-hint">No images yet.</p> : null}
      <ol className="desk-rows">
        {images.map((image, index) => (
          <li key={image.key} className="desk-row-card">
            <div className="desk-row-card-head">
              <span className="desk-label">Image {index + 1}</span>
              <div className="desk-button-row">
                <button type="button" className="desk-button desk-button-small" disabled={index === 0} onClick={() => onChange(moveItem(images, index, -1))} aria-label={`Move image ${index + 1} up`}>
                  ↑ Up
                </button>
                <button type="button" className="desk-button desk-button-small" disabled={index === images.length - 1} onClick={() => onChange(moveItem(images, index, 1))} aria-label={`Move image ${index + 1} down`}>
                  ↓ Down
                </button>
                <button type="button" className="desk-button desk-button-small desk-button-danger" onClick={() => onChange(images.filter((_, at) => at !== index))} aria-label={`Remove image ${index + 1}`}>
                  Remove
                </button>
              </div>
            </div>
            <div className="desk-row">
              {fields.map((field) => {
                const id = `image-${image.key}-${field.name}`;
                const error = fieldErrors[`images.${index}.${field.name}`];
                return (
                  <div className="desk-field" key={field.name}>
                    <label htmlFor={id}>{field.label}</label>
                    <input id={id} type="text" value={image[field.name]} onChange={(event) => update(index, { [field.name]: event.target.value })} {...errorProps(`${id}-error`, error)} />
                    {field.hint ? <p className="desk-hint">{field.hint}</p> : null}
                    <FieldError id={`${id}-error`} message={error} />
                  </div>
                );
              })}
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="desk-button" onClick={() => onChange([...images, { key: rowKey(), url: "", alt: "", caption: "", credit: "" }])}>
        + Add image
      </button>
    </fieldset>
  );
}
