"use client";

import type { PresenceSnapshot } from "@/lib/desk/presence";

type Props = {
  slug: string | null;
  base: number;
  presence: PresenceSnapshot | null;
  dirty: boolean;
  storageFailed: boolean;
};

/** Who else is on the story, and whether a newer revision exists than the one being edited. */
export function EditorStatusBar({ slug, base, presence, dirty, storageFailed }: Props) {
  const others = presence?.others ?? [];
  const newer =
    presence && slug && presence.latestRevisionNumber > base ? presence.latestRevisionNumber : null;
  return (
    <div className="desk-editor-status">
      <p className="desk-presence" aria-live="polite">
        {others.length === 0 ? (
          <span className="desk-muted">
            {slug ? "Nobody else has this story open." : "New story — not saved yet."}
          </span>
        ) : (
          <>
            <span className="desk-presence-dot" aria-hidden="true" />
            Also open now:{" "}
            {others
              .map((person) => `${person.name} (${person.role}, on revision ${person.seenRevisionNumber})`)
              .join(", ")}
          </>
        )}
        {/* A story never saved has nothing "saved" to speak of: only its unsaved changes are worth a word. */}
        {dirty ? (
          <span className="desk-save-state">Unsaved changes (kept in this browser)</span>
        ) : slug ? (
          <span className="desk-save-state">All changes saved</span>
        ) : null}
      </p>
      {newer && slug ? (
        <div className="desk-notice desk-notice-warn" role="alert">
          <p>
            <strong>
              Revision {newer} was saved after the version you are editing (revision {base}).
            </strong>{" "}
            Publishing now will first show you their changes merged with yours.
          </p>
          <a
            className="desk-button desk-button-small"
            href={`/desk/stories/${encodeURIComponent(slug)}/compare?from=${base}&to=${newer}`}
            target="_blank"
            rel="noreferrer"
          >
            See their changes
          </a>
        </div>
      ) : null}
      {storageFailed ? (
        <div className="desk-notice desk-notice-bad" role="alert">
          <p>
            This browser&apos;s storage is full, so unsaved edits are not being kept here. Save a draft soon.
          </p>
        </div>
      ) : null}
    </div>
  );
}
