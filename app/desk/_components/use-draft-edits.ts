"use client";

import { useCallback, useMemo, useRef } from "react";

import type { DraftStore } from "./draft-store";
import { slugFromHeadline, type ChangeDraft, type ContentDraft } from "./editor-draft";

/**
 * The edit screen's ways of changing its draft, stable for the life of the screen, so the fields and panels
 * (memo) re-render only for their own part of the draft. A new story's slug follows its headline until
 * someone edits the slug itself (or a restored draft brings one).
 */
export function useDraftEdits(store: DraftStore, isNew: boolean) {
  const slugTouched = useRef(false);
  const setContent = useCallback(
    (patch: Partial<ContentDraft>) =>
      store.update((current) => {
        const content = { ...current.content, ...patch };
        const followsHeadline = isNew && !slugTouched.current;
        return {
          ...current,
          content,
          slug: followsHeadline ? slugFromHeadline(content.headline) : current.slug,
        };
      }),
    [store, isNew],
  );
  return useMemo(
    () => ({
      setContent,
      setSlug: (value: string) => {
        slugTouched.current = true;
        store.update((current) => ({ ...current, slug: value }));
      },
      setCredits: (credits: ContentDraft["credits"]) => setContent({ credits }),
      setImages: (images: ContentDraft["images"]) => setContent({ images }),
      setChange: (change: ChangeDraft) => store.update((current) => ({ ...current, change })),
      /** A restored draft's own slug stays. */
      keepSlug: () => {
        slugTouched.current = true;
      },
    }),
    [store, setContent],
  );
}
