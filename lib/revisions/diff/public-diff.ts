import type { ContentDiff, PublicContentDiff } from "./content-diff-types";

const publicFields = new Set(["headline", "dek", "byline", "body", "images", "credits"]);

/**
 * The reader-facing part of a diff for the public change log: content, and the notes printed on the story as
 * readers see them (a correction's note stays printed after later updates, so it never reads as removed). The
 * change summary, kind and developing flag stay on the desk, and the statistics are narrowed to match.
 */
export function publicDiff(diff: ContentDiff): PublicContentDiff {
  const changedFields = diff.stats.changedFields.filter((field) => publicFields.has(field));
  const printedNotes = diff.notes?.printedNotes ?? null;
  return {
    changed: changedFields.length > 0 || (printedNotes?.changed ?? false),
    printedNotes,
    headline: diff.headline,
    dek: diff.dek,
    byline: diff.byline,
    body: diff.body,
    images: diff.images,
    credits: diff.credits,
    stats: { ...diff.stats, changedFields },
    degraded: diff.degraded,
    reason: diff.reason,
  };
}
