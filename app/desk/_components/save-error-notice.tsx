"use client";

import type { SaveError } from "./use-story-save";

/**
 * Why the last save did not go through; an expired session gets a way to sign in again, a copy made before a
 * legal removal a way to read the story again.
 */
export function SaveErrorNotice({ error, slug }: { error: SaveError; slug: string | null }) {
  return (
    <div className="desk-notice desk-notice-bad" role="alert">
      <p>
        <strong>Not saved.</strong> {error.message}
      </p>
      {error.code === "unauthenticated" ? (
        // A new tab keeps this form as it is; the edits are also kept in this browser and offered back
        // after signing in.
        <a
          className="desk-button desk-button-small"
          href={`/signin?callbackUrl=${encodeURIComponent(slug ? `/desk/stories/${slug}` : "/desk/stories/new")}`}
          target="_blank"
          rel="noreferrer"
        >
          Sign in again (new tab)
        </a>
      ) : null}
      {error.reason === "legal_removal" ? (
        // The copy on this screen may hold the removed text: the story is read again, as it now is.
        <button
          type="button"
          className="desk-button desk-button-small"
          onClick={() => window.location.reload()}
        >
          Reload the story
        </button>
      ) : null}
    </div>
  );
}
