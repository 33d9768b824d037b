import type { FormState } from "@/lib/errors/form-state";
import type { ContentDiff } from "@/lib/revisions/diff/content-diff-types";
import type { ContentMerge } from "@/lib/revisions/merge/content-merge-types";

/** What a save refused for a stale base carries (see lib/revisions/stale-base-conflict.ts). */
export type SaveConflict = {
  baseRevision: number;
  latestRevision: number;
  changedSince: ContentDiff;
  merge: ContentMerge;
};

/**
 * The merge proposal of a refused save, or null when the error is something else (a taken slug is a conflict
 * too).
 */
export function saveConflictOf(state: FormState<unknown>): SaveConflict | null {
  if (state.status !== "error" || state.code !== "conflict") return null;
  const details = state.details as Partial<SaveConflict> | null;
  if (!details || typeof details.latestRevision !== "number" || !details.merge || !details.changedSince)
    return null;
  return details as SaveConflict;
}
