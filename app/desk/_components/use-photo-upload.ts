"use client";

import { useState } from "react";

/** What the desk needs of an uploaded photo: its id and what the file said about itself. */
export type UploadedPhoto = {
  id: string;
  caption: string;
  creator: string;
  credit: string;
  width: number;
  height: number;
};

/**
 * Uploads image files one by one to /desk/photos/upload (the raw file, which a cross-site form cannot send)
 * and hands each stored photo to `onUploaded`. Refusals come back as the server's sentence; notes (metadata
 * the server skipped or shortened) are kept for the editor, named by file.
 */
export function usePhotoUpload(options: { onUploaded: (photo: UploadedPhoto) => void }) {
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);

  async function upload(files: Iterable<File>): Promise<void> {
    setError(null);
    setNotes([]);
    for (const file of files) {
      setBusy((count) => count + 1);
      try {
        const response = await fetch("/desk/photos/upload", {
          method: "POST",
          headers: { "content-type": "application/octet-stream" },
          body: file,
        });
        const body = (await response.json().catch(() => null)) as {
          photo?: UploadedPhoto;
          notes?: string[];
          error?: { message?: string };
        } | null;
        if (!response.ok || !body?.photo) {
          setError(`${file.name}: ${body?.error?.message ?? `the upload failed (HTTP ${response.status}).`}`);
          continue;
        }
        options.onUploaded(body.photo);
        const fileNotes = (body.notes ?? []).map((note) => `${file.name}: ${note}`);
        if (fileNotes.length > 0) setNotes((current) => [...current, ...fileNotes]);
      } catch {
        setError(`${file.name}: the upload did not reach the server. Check the connection and try again.`);
      } finally {
        setBusy((count) => count - 1);
      }
    }
  }

  return { upload, busy: busy > 0, error, notes };
}
