"use client";

import { useId, useState } from "react";

import { photoThumbnailPath } from "./photo-paths";
import type { UploadedPhoto } from "./use-photo-upload";

type Found = UploadedPhoto & { uses: { slug: string }[] };

/** Finds a photo already in the library (by caption, credit or creator) to use again in this story. */
export function PhotoLibraryPicker({
  onPick,
  open,
}: {
  onPick: (photo: UploadedPhoto) => void;
  /** Shown unfolded (in the body's photo dialog, where finding a photo is the point). */
  open?: boolean;
}) {
  const queryId = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function search(): Promise<void> {
    setError(null);
    const response = await fetch(`/api/v1/photos?${new URLSearchParams({ q: query, limit: "12" })}`).catch(
      () => null,
    );
    const body = (await response?.json().catch(() => null)) as {
      photos?: Found[];
      error?: { message?: string };
    } | null;
    if (!response?.ok || !body?.photos) {
      setError(body?.error?.message ?? "The library could not be searched. Try again.");
      return;
    }
    setFound(body.photos);
  }

  return (
    <details className="desk-library-picker" open={open}>
      <summary>Add from the photo library</summary>
      <div className="desk-button-row">
        <label className="sr-only" htmlFor={queryId}>
          Search the photo library
        </label>
        <input
          id={queryId}
          type="search"
          value={query}
          placeholder="Caption, credit or photographer"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" className="desk-button desk-button-small" onClick={() => void search()}>
          Search
        </button>
      </div>
      {error ? (
        <p role="alert" className="desk-error">
          {error}
        </p>
      ) : null}
      {found && found.length === 0 ? <p className="desk-hint">No photos match.</p> : null}
      {found && found.length > 0 ? (
        <ul className="desk-photo-grid">
          {found.map((photo) => (
            <li key={photo.id}>
              <button
                type="button"
                className="desk-photo-pick"
                onClick={() => onPick(photo)}
                title={photo.caption || photo.credit}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized */}
                <img
                  src={photoThumbnailPath(photo.id)}
                  alt=""
                  width={160}
                  height={Math.round((160 * photo.height) / photo.width)}
                />
                <span>{photo.credit || "No credit"}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
