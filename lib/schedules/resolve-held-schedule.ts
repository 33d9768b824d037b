import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { appendRevision } from "@/lib/revisions/append-revision";
import { contentHash } from "@/lib/revisions/content-hash";
import { refuseUnseenRemovals } from "@/lib/revisions/legal-removals-seen";
import { resolveMerge } from "@/lib/revisions/merge/resolve-merge";
import { publishLockedRevision } from "@/lib/revisions/publish-revision";
import { readRevision } from "@/lib/revisions/read-revision";
import type { RevisionDto } from "@/lib/revisions/revision-dto";
import { savableKinds } from "@/lib/revisions/save-revision-input";
import { readStory, type LockedStory, type StoryDto } from "@/lib/stories/story";
import { keyReusedError, writeStory, type WriteKey } from "@/lib/stories/story-write";
import { isOneOf } from "@/lib/validation/one-of";
import { parseInput } from "@/lib/validation/parse-input";

import { heldMergeOf } from "./held-schedule-merge";
import { lockSchedule, type LockedSchedule } from "./locked-schedule";
import { labelInstant } from "./newsroom-local-time";
import { resolveScheduleTime } from "./resolve-schedule-time";
import { scheduleSelect, toScheduleDto, type ScheduleDto } from "./schedule-dto";
import { databaseNow, recordScheduleEvent } from "./schedule-history";
import { ResolveHeldScheduleInput } from "./schedule-input";
import { writeSchedule } from "./schedule-revision";

export type ResolvedHeldSchedule = {
  /** The held schedule, now `resolved`. */
  schedule: ScheduleDto;
  /** The schedule of the merged revision; null when it was published at once. */
  nextSchedule: ScheduleDto | null;
  /** The merged revision (a draft when rescheduled, the publication when published now). */
  revision: RevisionDto;
  story: StoryDto;
  published: boolean;
};

type Settled = {
  scheduleId: string;
  number: number;
  nextScheduleId: string | null;
  published: boolean;
  replayed: boolean;
};

function notHeld(schedule: LockedSchedule): AppError {
  const why = {
    pending: "it has not run yet",
    done: "it has already run",
    cancelled: "it was cancelled",
    resolved: "it was already resolved",
    held: "",
  }[schedule.state];
  return new AppError({
    code: "conflict",
    message: `schedule ${schedule.id} is ${schedule.state}, not held`,
    userMessage: `This schedule is not waiting for a merge: ${why}. Reload the story to see where it stands.`,
    details: { state: schedule.state },
  });
}

function movedOn(options: { against: number; latest: number }): AppError {
  return new AppError({
    code: "conflict",
    message: `held-schedule merge made against revision ${options.against}, newest is ${options.latest}`,
    userMessage: `Revision ${options.latest} was saved after you opened this merge (you merged against revision ${options.against}). Nothing was saved: reload the merge and decide again.`,
    details: { againstRevision: options.against, latestRevision: options.latest },
  });
}

/**
 * Settles a held schedule: the editor's decisions are applied to the merge recomputed here, under the story's
 * lock (the browser's preview is never trusted), and the result is saved as a new revision that is either
 * scheduled again or published now, through the same paths as scheduling and publishing. The held schedule is
 * marked resolved and the history says how, all in one transaction. Refused with nothing written: a
 * contributor, a schedule not held, a story that moved on since the merge was shown, an undecided conflict, a
 * bad time.
 */
export async function resolveHeldSchedule(options: {
  actor: Actor;
  slug: string;
  scheduleId: string;
  input: unknown;
  idempotencyKey?: string;
}): Promise<ResolvedHeldSchedule> {
  const { actor, slug, scheduleId, idempotencyKey } = options;
  assertCan({ actor, permission: "schedule:manage" });
  const input = parseInput({ schema: ResolveHeldScheduleInput, input: options.input });
  if (input.action === "publish") assertCan({ actor, permission: "revision:publish" });
  const zone = getEnv().NEWSROOM_TIME_ZONE;

  return writeStory({
    slug,
    request: {
      operation: "resolve-schedule",
      callerId: actor.userId,
      input: { scheduleId, ...input },
      idempotencyKey,
      records: "revision",
    },
    replay: async ({ db, storyId, write }): Promise<Settled> => {
      const schedule = await lockSchedule({ tx: db, id: scheduleId, storyId });
      const row = await db.schedule.findUniqueOrThrow({
        where: { id: schedule.id },
        select: { resolvedNumber: true, supersededById: true },
      });
      // The same request, but the key's revision is not the one this schedule was resolved with.
      if (row.resolvedNumber !== write.number) throw keyReusedError();
      return {
        scheduleId: schedule.id,
        number: write.number,
        nextScheduleId: row.supersededById,
        published: row.supersededById === null,
        replayed: true,
      };
    },
    readersSeeChange: (settled) => settled.published && !settled.replayed,
    answer: async (settled): Promise<ResolvedHeldSchedule> => {
      const [{ id: storyId, story }, schedule, nextSchedule] = await Promise.all([
        readStory({ slug }),
        getDb().schedule.findUniqueOrThrow({ where: { id: settled.scheduleId }, select: scheduleSelect }),
        settled.nextScheduleId
          ? getDb().schedule.findUniqueOrThrow({
              where: { id: settled.nextScheduleId },
              select: scheduleSelect,
            })
          : null,
      ]);
      const { revision } = await readRevision({ storyId, number: settled.number });
      return {
        schedule: toScheduleDto(schedule),
        nextSchedule: nextSchedule ? toScheduleDto(nextSchedule) : null,
        revision,
        story,
        published: settled.published,
      };
    },
    step: async ({ tx, story, key }): Promise<Settled> => {
      refuseUnseenRemovals({ story, seen: input.legalRemovalsSeen });
      const schedule = await lockSchedule({ tx, id: scheduleId, storyId: story.id });
      if (schedule.state !== "held") throw notHeld(schedule);
      if (story.latestRevisionNumber !== input.againstRevision)
        throw movedOn({ against: input.againstRevision, latest: story.latestRevisionNumber });
      const held = await heldMergeOf({ tx, story, schedule });
      const content = resolveMerge({ merge: held.merge, choices: input.choices });
      const summary = input.summary ?? schedule.summary;
      const merged = `merged with revision ${held.theirsRevision}`;

      let number: number;
      let nextScheduleId: string | null = null;
      // What became of the merge, for the history.
      let how: string;
      if (input.action === "schedule") {
        number = await saveMergedDraft({
          tx,
          story,
          actor,
          schedule,
          content,
          held,
          summary,
          key,
        });
        // Read after the draft, so the history's times rise with the order of writes; a refused time undoes
        // the draft.
        const now = await databaseNow({ tx });
        const runAt = resolveScheduleTime({ input, zone, now });
        nextScheduleId = await writeSchedule({
          tx,
          story: { ...story, latestRevisionNumber: Math.max(story.latestRevisionNumber, number) },
          actor,
          revision: number,
          runAt,
          now,
          kind: schedule.kind,
          summary,
          note: schedule.publicNote,
        });
        how = `${merged} as revision ${number}, to go live at ${labelInstant({ instant: runAt, zone })}`;
      } else {
        const attempt = await publishLockedRevision({
          tx,
          story,
          actor,
          number: schedule.revisionNumber,
          input: {
            ...(schedule.kind && isOneOf(savableKinds, schedule.kind) ? { kind: schedule.kind } : {}),
            ...(summary ? { summary } : {}),
            ...(schedule.publicNote ? { note: schedule.publicNote } : {}),
            removeNotes: input.removeNotes,
          },
          key,
          content,
          statusReason: `Held schedule of revision ${schedule.revisionNumber}, ${merged} and published on the desk.`,
        });
        // With the content given the publish path never finds it stale; the merged text can be exactly what
        // readers have (every conflict settled their way), and then nothing is published.
        if (attempt.type === "stale")
          throw movedOn({ against: input.againstRevision, latest: attempt.latestNumber });
        number = attempt.type === "created" ? attempt.written.revision.number : attempt.number;
        how = `${merged} and published now as revision ${number}`;
      }
      await settle({
        tx,
        story,
        schedule,
        actor,
        number,
        nextScheduleId,
        reason: `Held schedule of revision ${schedule.revisionNumber} resolved: ${how}.`,
      });
      return {
        scheduleId: schedule.id,
        number,
        nextScheduleId,
        published: input.action === "publish",
        replayed: false,
      };
    },
  });
}

/**
 * The merged text as a draft on top of the newest revision, carrying what the scheduled revision said about
 * itself. A merge identical to the newest revision writes nothing: that revision is the one to schedule.
 */
async function saveMergedDraft(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  schedule: LockedSchedule;
  content: Parameters<typeof contentHash>[0]["content"];
  held: Awaited<ReturnType<typeof heldMergeOf>>;
  summary: string | null;
  key: WriteKey;
}): Promise<number> {
  const { tx, story, actor, schedule, content, held } = options;
  if (contentHash({ content }) === held.theirsHash) return held.theirsRevision;
  const kind = isOneOf(savableKinds, held.ours.kind) ? held.ours.kind : "update";
  const appended = await appendRevision({
    tx,
    story,
    actor,
    content,
    kind,
    summary: options.summary ?? held.ours.summary,
    publicNote: schedule.publicNote ?? held.ours.publicNote,
    internalNote: `Revision ${schedule.revisionNumber} (held when its schedule ran) merged with revision ${held.theirsRevision}.`,
    baseNumber: story.latestRevisionNumber,
    publish: false,
    key: options.key,
  });
  return appended.revision.number;
}

/** The held schedule is kept as it was, marked resolved, and the history says how, by whom and when. */
async function settle(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  schedule: LockedSchedule;
  actor: Actor;
  number: number;
  nextScheduleId: string | null;
  reason: string;
}): Promise<void> {
  const { tx, story, schedule, actor } = options;
  const at = await databaseNow({ tx });
  await tx.schedule.update({
    where: { id: schedule.id },
    data: {
      state: "resolved",
      resolvedAt: at,
      resolvedById: actor.userId,
      resolvedNumber: options.number,
      supersededById: options.nextScheduleId,
    },
  });
  await recordScheduleEvent({
    tx,
    storyId: story.id,
    action: "resolve_schedule",
    actorId: actor.userId,
    revisionNumber: schedule.revisionNumber,
    reason: options.reason,
    at,
  });
}
