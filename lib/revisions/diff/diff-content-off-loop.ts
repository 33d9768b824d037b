import "server-only";

import { runOffLoop } from "@/lib/workers/worker-pool";

import type { ContentDiff, DiffSide } from "./content-diff-types";
import { diffContent } from "./diff-content";

/**
 * Revisions this small (all text of both sides, in characters: two 12,000-word versions) are first compared
 * on the event loop, where a typical update takes a millisecond or two and needs no thread hop.
 */
const inlineChars = 200_000;
/** …for at most this long: a comparison that needs more is done again, with the full budget, on the pool. */
const inlineBudgetMs = 40;

function textSize(side: DiffSide): number {
  return (
    side.headline.length +
    side.dek.length +
    side.byline.length +
    side.body.length +
    (side.meta ? side.meta.summary.length + (side.meta.publicNote?.length ?? 0) : 0)
  );
}

/**
 * diffContent without holding the event loop: everyday edits are compared in place within a short budget, and
 * large or costly pairs go to the worker pool (which answers 503 with Retry-After when it is full).
 */
export async function diffContentOffLoop(options: { from: DiffSide; to: DiffSide }): Promise<ContentDiff> {
  if (textSize(options.from) + textSize(options.to) <= inlineChars) {
    const quick = diffContent({ ...options, timeoutMs: inlineBudgetMs });
    if (!quick.degraded) return quick;
  }
  return runOffLoop("diffContent", options);
}
