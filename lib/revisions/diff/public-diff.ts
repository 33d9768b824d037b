import type { ContentDiff, PublicContentDiff } from "./content-diff-types";

const publicFields = new Set(["headline", "dek", "byline", "body", "images", "credits"]);

/**
 * The reader-facing part of a diff for the public change log: content only. Internal notes (change
 * summary, kind) and the developing flag stay on the desk, and the statistics are narrowed to match.
 */
export function publicDiff(diff: ContentDiff): PublicContentDiff {
  const changedFields = diff.stats.changedFields.filter((field) => publicFields.has(field));
  return {
    changed: changedFields.length > 0,
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
