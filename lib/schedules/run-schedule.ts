import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { mergeContent } from "@/lib/revisions/merge/merge-content";
import { publishLockedRevision } from "@/lib/revisions/publish-revision";
import type { PublishRevisionInput } from "@/lib/revisions/publish-revision-input";
import { readRevision } from "@/lib/revisions/read-revision";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import { savableKinds } from "@/lib/revisions/save-revision-input";
import type { LockedStory } from "@/lib/stories/story";
import { requestFingerprint, writeStory } from "@/lib/stories/story-write";
import { isOneOf } from "@/lib/validation/one-of";

import { lockSchedule, type LockedSchedule } from "./locked-schedule";
import { labelInstant } from "./newsroom-local-time";
import { databaseNow, recordScheduleEvent } from "./schedule-history";

/**
 * A run this long after its time is "late" in the history: the schedule was missed (every instance down,
 * say).
 */
export const lateAfterMs = 60_000;

export type ScheduleRun =
  | { outcome: "published"; slug: string; revisionNumber: number; late: boolean }
  | { outcome: "held"; slug: string; reason: string }
  | { outcome: "skipped"; reason: "missing" | "not_pending" | "not_due" };

type Hold = { reason: string; againstNumber: number | null };

/**
 * Runs one schedule, exactly once: under the story's lock and then the schedule's, it goes on only if the
 * schedule is still pending and due, and it leaves the schedule done or held in the same transaction as the
 * publish, so a second runner (another instance, a retried job) finds it no longer pending. The publish is
 * the manual one (publishLockedRevision), by the editor who scheduled it, with the time it really happens: a
 * run that was missed publishes now, is marked late, and never backdates what readers see.
 *
 * Rule when the story changed after the schedule was made: if another revision was published meanwhile, the
 * scheduled revision is three-way merged (base: the revision live when it was scheduled; ours: the scheduled
 * one; theirs: the one live now) and goes out only if that merge is clean; drafts saved since that change the
 * content, a conflict, or anything the publish path refuses hold it instead, with the reason on the desk.
 */
export async function runSchedule(options: { scheduleId: string }): Promise<ScheduleRun> {
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  // A schedule never moves to another story, and a slug never changes: its story is locked by that slug.
  const found = await getDb().schedule.findUnique({
    where: { id: options.scheduleId },
    select: { story: { select: { slug: true } } },
  });
  if (!found) return { outcome: "skipped", reason: "missing" };
  return writeStory({
    slug: found.story.slug,
    readersSeeChange: (run: ScheduleRun) => run.outcome === "published",
    answer: (run: ScheduleRun) => run,
    step: async ({ tx, story }): Promise<ScheduleRun> => {
      const schedule = await lockSchedule({ tx, id: options.scheduleId, storyId: story.id });
      if (schedule.state !== "pending") return { outcome: "skipped", reason: "not_pending" };
      const now = await databaseNow({ tx });
      if (schedule.runAt.getTime() > now.getTime()) return { outcome: "skipped", reason: "not_due" };
      const late = now.getTime() - schedule.runAt.getTime() > lateAfterMs;
      const hold = async ({ reason, againstNumber }: Hold): Promise<ScheduleRun> => {
        await tx.schedule.update({
          where: { id: schedule.id },
          data: { state: "held", ranAt: now, heldReason: reason, heldAgainstNumber: againstNumber, late },
        });
        await recordScheduleEvent({
          tx,
          storyId: story.id,
          action: "hold_schedule",
          actorId: schedule.createdById,
          revisionNumber: schedule.revisionNumber,
          reason,
          at: now,
        });
        return { outcome: "held", slug: story.slug, reason };
      };

      const actor = await schedulingActor({ tx, schedule });
      if (!actor)
        return hold({
          reason:
            "The editor who scheduled this can no longer publish, so it was not published. Schedule it again.",
          againstNumber: null,
        });
      const merged = await mergeWithLaterPublication({ tx, story, schedule });
      if ("hold" in merged) return hold(merged.hold);

      const scheduledFor = labelInstant({ instant: schedule.runAt, zone });
      const minutesLate = Math.round((now.getTime() - schedule.runAt.getTime()) / 60_000);
      const statusReason = late
        ? `Scheduled for ${scheduledFor}; published late, at ${labelInstant({ instant: now, zone })} (${minutesLate} min after its time).`
        : `Scheduled for ${scheduledFor}.`;
      const input: PublishRevisionInput = {
        ...(schedule.kind && isOneOf(savableKinds, schedule.kind) ? { kind: schedule.kind } : {}),
        ...(schedule.summary ? { summary: schedule.summary } : {}),
        ...(schedule.publicNote ? { note: schedule.publicNote } : {}),
        removeNotes: [],
      };
      let attempt;
      try {
        attempt = await publishLockedRevision({
          tx,
          story,
          actor,
          number: schedule.revisionNumber,
          input,
          key: {
            idempotencyKey: `schedule:${schedule.id}`,
            fingerprint: requestFingerprint({
              operation: "publish",
              slug: story.slug,
              callerId: actor.userId,
              input: { number: schedule.revisionNumber, ...input },
            }),
          },
          content: merged.content,
          statusReason,
        });
      } catch (error) {
        // Refusals of the publish path are checked before it writes anything, so the transaction can go on to
        // hold.
        if (isAppError(error) && error.code !== "unavailable")
          return hold({ reason: error.userMessage, againstNumber: null });
        throw error;
      }
      if (attempt.type === "stale") {
        return hold({
          reason: `Revision ${attempt.latestNumber} was saved after this was scheduled and changes the story, so publishing revision ${schedule.revisionNumber} would undo it. Review the merge and schedule again.`,
          againstNumber: attempt.latestNumber,
        });
      }
      const publishedNumber = attempt.type === "created" ? attempt.written.revision.number : attempt.number;
      await tx.schedule.update({
        where: { id: schedule.id },
        data: { state: "done", ranAt: now, publishedNumber, late },
      });
      return { outcome: "published", slug: story.slug, revisionNumber: publishedNumber, late };
    },
  });
}

/**
 * The editor who scheduled it, as they are now: a deactivated account or a lost publish right stops the run.
 */
async function schedulingActor(options: {
  tx: Prisma.TransactionClient;
  schedule: LockedSchedule;
}): Promise<Actor | null> {
  const user = await options.tx.user.findUnique({
    where: { id: options.schedule.createdById },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user || !user.active) return null;
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    via: "schedule",
  };
  return can({ actor, permission: "revision:publish" }) ? actor : null;
}

/**
 * Nothing published since scheduling: the revision goes out as it is (the publish path still refuses it if
 * later drafts changed the story). Published since: the clean three-way merge, or a hold naming the revision.
 */
async function mergeWithLaterPublication(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  schedule: LockedSchedule;
}): Promise<{ content?: RevisionContent } | { hold: Hold }> {
  const { tx, story, schedule } = options;
  const live = story.liveRevisionNumber;
  if (live === null || live === schedule.liveNumberAtSchedule) return {};
  const [{ revision: ours }, { revision: theirs, contentHash: liveHash }] = await Promise.all([
    readRevision({ tx, storyId: story.id, number: schedule.revisionNumber }),
    readRevision({ tx, storyId: story.id, number: live }),
  ]);
  const baseNumber = schedule.liveNumberAtSchedule ?? ours.baseNumber ?? schedule.revisionNumber;
  const { revision: base } = await readRevision({ tx, storyId: story.id, number: baseNumber });
  const draftAfterLive = await tx.revision.findFirst({
    where: { storyId: story.id, number: { gt: live }, contentHash: { not: liveHash } },
    select: { number: true },
  });
  if (draftAfterLive) {
    return {
      hold: {
        reason: `Revision ${live} was published after this was scheduled and revision ${draftAfterLive.number} has been saved since, so this was not published. Review the merge and schedule again.`,
        againstNumber: story.latestRevisionNumber,
      },
    };
  }
  const merge = mergeContent({ base: base.content, ours: ours.content, theirs: theirs.content });
  if (!merge.clean) {
    return {
      hold: {
        reason: `Revision ${live} was published after this was scheduled and changes the same parts of the story (${merge.conflicts.length} conflict${merge.conflicts.length === 1 ? "" : "s"}), so it was held rather than overwrite it. Review the merge and schedule again.`,
        againstNumber: live,
      },
    };
  }
  return { content: merge.merged };
}
