import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import {
  applyPendingScheduleChoice,
  type ScheduleChoiceOutcome,
} from "@/lib/schedules/pending-schedule-choice";
import type { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";
import type { LockedStory } from "@/lib/stories/story";
import type { WriteKey } from "@/lib/stories/story-write";

import { appendRevision } from "./append-revision";
import { planStoryPublication } from "./plan-story-publication";
import type { NoteRemoval } from "./publication-plan";
import type { RevisionContent } from "./revision-content";
import type { RevisionAttempt } from "./save-revision";

/**
 * Who asks a revision to go live. A person's publish takes the schedules waiting on the story only as
 * `pendingSchedules` says (lib/schedules/pending-schedule-choice.ts); a schedule's own run, or a held schedule
 * settled on the desk, is those schedules itself and says why on the status history.
 */
export type GoLive =
  | { by: "person"; pendingSchedules: PendingSchedulesInput | undefined }
  | { by: "schedule"; statusReason: string | undefined };

/**
 * Appends revision latest+1 of a locked story on top of the newest, publishing it when it was asked to go live
 * and the plan says readers see a change (every pending draft's note carried, the kind readers see settled,
 * the schedules waiting on the story settled with it). A publication readers would not notice goes nothing
 * live: its content is kept as a draft when `keepsDraft`, otherwise nothing is written and the answer is
 * `kept`. Must run inside the transaction that holds the story's lock.
 */
export async function appendPlannedRevision(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  key: WriteKey;
  /**
   * The revision's content as its writer has it; leaving a pending schedule out of a publication changes it.
   */
  content: RevisionContent;
  kind: RevisionKind;
  note: string | null;
  summary: string | null;
  removals: readonly NoteRemoval[];
  internalNote: string | null;
  /** Null for a draft. */
  goLive: GoLive | null;
  /**
   * When nothing goes live: whether the content still makes a new draft (it differs from the newest
   * revision).
   */
  keepsDraft: boolean;
  /** The answer when nothing is written. */
  kept: RevisionAttempt;
}): Promise<RevisionAttempt> {
  const { tx, story, actor, key, content, goLive } = options;
  const chosen: ScheduleChoiceOutcome | null = !goLive
    ? null
    : goLive.by === "person"
      ? await applyPendingScheduleChoice({ tx, story, actor, content, choice: goLive.pendingSchedules })
      : { content, statusReason: goLive.statusReason, settle: async () => {} };
  const planned = chosen
    ? await planStoryPublication({
        tx,
        story,
        ownKind: options.kind,
        ownNote: options.note,
        summary: options.summary,
        removals: options.removals,
        content: chosen.content,
      })
    : null;
  // Nothing readers would see changes (a retry, a second tab, a draft that undid itself): nothing goes live.
  const readersUnchanged = planned?.readers === "unchanged";
  if (readersUnchanged && !options.keepsDraft) return options.kept;
  const plan = readersUnchanged ? null : planned;
  const publish = plan !== null;
  const written = await appendRevision({
    tx,
    story,
    actor,
    content: plan && chosen ? chosen.content : content,
    kind: plan?.kind ?? options.kind,
    summary: options.summary,
    publicNote: plan ? plan.publicNote : options.note,
    carriedNotes: plan?.carriedNotes,
    removedNotes: plan?.removedNotes,
    internalNote: options.internalNote,
    baseNumber: story.latestRevisionNumber,
    publish,
    key,
    statusReason: chosen?.statusReason,
  });
  if (publish) await chosen?.settle({ publishedNumber: written.revision.number });
  return { type: "created", written, readers: readersUnchanged ? "unchanged" : "changed" };
}
