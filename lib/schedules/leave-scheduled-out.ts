import type { MergeConflict } from "@/lib/revisions/merge/content-merge-types";
import { mergeContent } from "@/lib/revisions/merge/merge-content";
import type { RevisionContent } from "@/lib/revisions/revision-content";

/**
 * What "leave" would publish while a schedule waits, or why it cannot: `first` when the scheduled revision is
 * the story's first (nothing to publish without it), `conflict` when the publisher's change overlaps the
 * scheduled one.
 */
export type LeaveOutcome =
  | { status: "merged"; content: RevisionContent }
  | { status: "first" }
  | { status: "conflict"; conflicts: MergeConflict[] };

/**
 * The publisher's content minus the newest scheduled revision's changes, onto what readers would have without
 * it: three-way with base = the scheduled revision, ours = the publisher's content, theirs = `without` (the
 * live revision, or for a story never published the one the scheduled revision was built on). Pure, so the
 * publish and the desk's confirmation (which shows what goes out before it does) run the very same merge.
 */
export function leaveScheduledOut(options: {
  scheduled: RevisionContent;
  ours: RevisionContent;
  without: RevisionContent | null;
}): LeaveOutcome {
  const { scheduled, ours, without } = options;
  if (without === null) return { status: "first" };
  const merge = mergeContent({ base: scheduled, ours, theirs: without });
  return merge.clean
    ? { status: "merged", content: merge.merged }
    : { status: "conflict", conflicts: merge.conflicts };
}

/** Why the server would refuse "leave", in the desk's words, or null when it would publish the merge. */
export function leaveRefusal(options: { outcome: LeaveOutcome; scheduledNumber: number }): string | null {
  const { outcome, scheduledNumber } = options;
  if (outcome.status === "merged") return null;
  const why =
    outcome.status === "first"
      ? `Revision ${scheduledNumber}, the scheduled one, is the story’s first version, so there is nothing to publish without it.`
      : `Your change touches the same part of the story as the scheduled revision ${scheduledNumber}, so it cannot go out without it.`;
  return `${why} Include the scheduled changes now, or go back and wait for its time.`;
}
