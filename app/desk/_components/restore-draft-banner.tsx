"use client";

import { RelativeTime } from "@/app/_components/relative-time";

import type { StoredDraft } from "./use-local-draft";

/** Offers back edits this browser kept from an earlier visit that were never saved. */
export function RestoreDraftBanner({
  stored,
  currentBase,
  onRestore,
  onDiscard,
}: {
  stored: StoredDraft;
  currentBase: number;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const olderBase = stored.base > 0 && stored.base < currentBase;
  return (
    <div className="desk-notice desk-notice-warn" role="alert">
      <p>
        <strong>
          Restore your unsaved edits from <RelativeTime iso={stored.savedAt} />?
        </strong>{" "}
        {olderBase
          ? `They were made on revision ${stored.base}; the story has moved on to revision ${currentBase}, so saving them will show you a merge first.`
          : "They were never saved to the story."}
      </p>
      <div className="desk-button-row">
        <button
          type="button"
          className="desk-button desk-button-primary desk-button-small"
          onClick={onRestore}
        >
          Restore edits
        </button>
        <button type="button" className="desk-button desk-button-small" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}

/**
 * Says that edits this browser kept were thrown away, not offered back: they were made before text was removed
 * from the story on legal advice, so restoring them could bring the text back.
 */
export function DiscardedDraftNotice({ savedAt, onDismiss }: { savedAt: string; onDismiss: () => void }) {
  return (
    <div className="desk-notice desk-notice-warn" role="status">
      <p>
        <strong>
          Unsaved edits from <RelativeTime iso={savedAt} /> were discarded.
        </strong>{" "}
        Text was removed from this story on legal advice after they were made, so they could bring it back.
        Make your changes again on the story as it is now.
      </p>
      <div className="desk-button-row">
        <button type="button" className="desk-button desk-button-small" onClick={onDismiss}>
          OK
        </button>
      </div>
    </div>
  );
}
