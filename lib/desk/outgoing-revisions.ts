import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { readRevision } from "@/lib/revisions/read-revision";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import {
  readPendingSchedulesForPublish,
  type LeaveOutSides,
  type PendingScheduleBrief,
} from "@/lib/schedules/pending-schedule-choice";
import { readStory } from "@/lib/stories/read-story";

/** A draft saved since the live revision: it reaches readers with the next publication, whoever wrote it. */
export type OutgoingDraft = {
  number: number;
  kind: RevisionKind;
  summary: string | null;
  authorName: string;
  savedAt: string;
  content: RevisionContent;
};

/**
 * What readers have now, and every draft a publication or schedule would carry to them, oldest first; with
 * the schedules waiting on the story and what a publish that leaves them out merges with (null when none
 * waits).
 */
export type OutgoingRevisions = {
  liveNumber: number | null;
  live: RevisionContent | null;
  drafts: OutgoingDraft[];
  pendingSchedules: PendingScheduleBrief[];
  leaveOut: LeaveOutSides | null;
};

// A story with more drafts waiting than this is attributed from its newest ones; older drafts' text is in
// them.
const attributedDrafts = 20;

/**
 * For the publish and schedule confirmations: the live content to compare against and the drafts since it,
 * with their authors, so what goes out is shown against what readers have and each change is credited to who
 * wrote it.
 */
export async function readOutgoingRevisions(options: {
  actor: Actor;
  slug: string;
}): Promise<OutgoingRevisions> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const { id, story } = await readStory({ slug: options.slug });
  const liveNumber = story.liveRevisionNumber;
  const rows = await getDb().revision.findMany({
    where: { storyId: id, number: { gt: liveNumber ?? 0 }, publishedAt: null },
    orderBy: { number: "desc" },
    take: attributedDrafts,
    select: { number: true },
  });
  const waiting = await readPendingSchedulesForPublish({ story: { id, liveRevisionNumber: liveNumber } });
  const [live, ...drafts] = await Promise.all([
    liveNumber === null ? null : readRevision({ storyId: id, number: liveNumber }),
    ...rows.reverse().map((row) => readRevision({ storyId: id, number: row.number })),
  ]);
  return {
    liveNumber,
    live: live?.revision.content ?? null,
    drafts: drafts.flatMap((draft) =>
      draft
        ? [
            {
              number: draft.revision.number,
              kind: draft.revision.kind,
              summary: draft.revision.summary,
              authorName: draft.revision.author.name,
              savedAt: draft.revision.createdAt,
              content: draft.revision.content,
            },
          ]
        : [],
    ),
    pendingSchedules: waiting.briefs,
    leaveOut: waiting.leaveOut,
  };
}
