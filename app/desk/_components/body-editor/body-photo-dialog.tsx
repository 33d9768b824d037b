"use client";

import { useId, useRef } from "react";

import { PhotoLibraryPicker } from "@/app/desk/_components/photo-library-picker";
import { useModal } from "@/app/desk/_components/use-modal";
import type { UploadedPhoto } from "@/app/desk/_components/use-photo-upload";

type Props = {
  open: boolean;
  onPlace: (photo: UploadedPhoto) => void;
  onUpload: (files: File[]) => void;
  onClose: () => void;
};

/**
 * The toolbar's Photo button: a photo from the library, or a new upload, placed where the cursor was. The
 * upload itself runs in the editor (it also takes dropped and pasted files), so this dialog only hands on.
 */
export function BodyPhotoDialog({ open, onPlace, onUpload, onClose }: Props) {
  const dialog = useModal(open);
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <dialog
      ref={dialog}
      className="desk-dialog desk-dialog-wide"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={(event) => event.stopPropagation()}
    >
      <h2 id={`${id}-title`}>Place a photo in the body</h2>
      <p className="desk-hint">
        It goes where the cursor was, as its own block between paragraphs. You can also drop or paste an image
        file straight into the text.
      </p>
      {open ? <PhotoLibraryPicker open onPick={onPlace} /> : null}
      <p>
        <button
          type="button"
          className="desk-button desk-button-small"
          onClick={() => picker.current?.click()}
        >
          Upload a new photo…
        </button>
        <input
          ref={picker}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          hidden
          aria-label="Upload a photo into the body"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            if (files.length > 0) onUpload(files);
          }}
        />
      </p>
      <div className="desk-button-row desk-dialog-actions">
        <button type="button" className="desk-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
