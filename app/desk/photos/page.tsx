import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { photoOriginalPath, photoThumbnailPath } from "@/app/desk/_components/photo-paths";
import { firstValues } from "@/lib/desk/desk-query-input";
import { isAppError } from "@/lib/errors/app-error";
import { searchPhotos, type LibraryPhoto } from "@/lib/media/search-photos";

import "./photos.css";

export const metadata: Metadata = { title: "Photos" };

/**
 * The photo library: search by caption, credit, photographer and date; each photo says which stories use it.
 */
export default async function PhotosPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor({ permission: "desk:read", callbackPath: "/desk/photos" });
  const query = firstValues(await searchParams);
  let photos: LibraryPhoto[] = [];
  let searchError: string | null = null;
  try {
    photos = (await searchPhotos({ actor, query: { q: query.q, from: query.from, to: query.to } })).photos;
  } catch (error) {
    if (!isAppError(error)) throw error;
    searchError = error.userMessage;
  }
  const filtered = Boolean(query.q || query.from || query.to);

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>Photos</h1>
          <p className="desk-lede">
            Every photo uploaded to the desk, newest first. Add photos to a story from its editor.
          </p>
        </div>
      </div>
      <form className="desk-filters" role="search" action="/desk/photos" method="get">
        <div className="desk-field">
          <label htmlFor="photo-search">Caption, credit or photographer</label>
          <input
            id="photo-search"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="e.g. Maloletka or border"
          />
        </div>
        <div className="desk-field desk-field-narrow">
          <label htmlFor="photo-from">Taken from</label>
          <input id="photo-from" type="date" name="from" defaultValue={query.from ?? ""} />
        </div>
        <div className="desk-field desk-field-narrow">
          <label htmlFor="photo-to">to</label>
          <input id="photo-to" type="date" name="to" defaultValue={query.to ?? ""} />
        </div>
        <div className="desk-button-row">
          <button type="submit" className="desk-button">
            Search
          </button>
          {filtered ? (
            <Link className="desk-button" href="/desk/photos">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {searchError ? (
        <p role="alert" className="desk-error">
          {searchError}
        </p>
      ) : null}
      {photos.length === 0 && !searchError ? (
        <p className="desk-hint">{filtered ? "No photos match." : "No photos yet."}</p>
      ) : null}
      <ul className="photo-library">
        {photos.map((photo) => (
          <li key={photo.id} className="photo-card">
            {/* eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized */}
            <img
              src={photoThumbnailPath(photo.id)}
              alt=""
              width={320}
              height={Math.round((320 * photo.height) / photo.width)}
              loading="lazy"
            />
            <div className="photo-card-text">
              <p className="photo-card-caption">{photo.caption || <em>No caption in the file</em>}</p>
              <p className="photo-card-credit">{photo.credit || "No credit"}</p>
              <p className="desk-hint">
                {photo.width} × {photo.height}
                {photo.takenAt ? (
                  <>
                    {" · taken "}
                    <DeskTime iso={photo.takenAt} relative={false} />
                  </>
                ) : null}
                {" · "}
                <a href={photoOriginalPath(photo.id)}>original</a>
              </p>
              {photo.uses.length > 0 ? (
                <p className="photo-card-uses">
                  Used in{" "}
                  {photo.uses.map((use, index) => (
                    <span key={use.slug}>
                      {index > 0 ? ", " : ""}
                      <Link href={`/desk/stories/${encodeURIComponent(use.slug)}`}>{use.slug}</Link>
                      {use.live ? " (live)" : ""}
                    </span>
                  ))}
                </p>
              ) : (
                <p className="desk-hint">Not used in any story yet.</p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
