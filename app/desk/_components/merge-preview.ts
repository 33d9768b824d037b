import type { ContentMerge, MergeChoice } from "@/lib/revisions/merge/content-merge-types";
import { resolveMerge } from "@/lib/revisions/merge/resolve-merge";
import type { RevisionContent } from "@/lib/revisions/revision-content";

/**
 * The merged text as it stands while the editor decides: everything that merged by itself (both editors'
 * changes) with each decision taken, and each conflict not yet decided shown as the editor's own version.
 * Null when a decision does not fit its field (the resolver says why).
 */
export function mergePreview(options: {
  merge: ContentMerge;
  choices: Readonly<Record<string, MergeChoice>>;
}): RevisionContent | null {
  const { merge, choices } = options;
  const filled: Record<string, MergeChoice> = Object.fromEntries(
    merge.conflicts.map((conflict) => [conflict.id, choices[conflict.id] ?? { pick: "ours" }]),
  );
  try {
    return resolveMerge({ merge, choices: filled });
  } catch {
    return null;
  }
}
