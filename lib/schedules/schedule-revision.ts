import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/story";
import { writeStory } from "@/lib/stories/story-write";
import { parseInput } from "@/lib/validation/parse-input";

import { labelInstant } from "./newsroom-local-time";
import { resolveScheduleTime } from "./resolve-schedule-time";
import { scheduleSelect, toScheduleDto, type ScheduleDto } from "./schedule-dto";
import { databaseNow, recordScheduleEvent } from "./schedule-history";
import { CreateScheduleInput } from "./schedule-input";
import { queueScheduleJob } from "./schedule-jobs";

/**
 * Schedules revision `revision` of a story to go live at a time typed in newsroom time (or an exact instant).
 * The live version stays as it is until then; the run goes through the manual publish path. Refused, with
 * nothing written: a time in the past, more than a year ahead, inside the spring-forward gap or ambiguous in
 * the fall-back hour; a contributor; a revision this story does not have; a revision already scheduled.
 */
export async function scheduleRevision(options: {
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<ScheduleDto> {
  const { actor, slug } = options;
  assertCan({ actor, permission: "schedule:manage" });
  const input = parseInput({ schema: CreateScheduleInput, input: options.input });
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const id = await writeStory({
    slug,
    // A schedule waiting changes nothing readers see until it runs.
    readersSeeChange: () => false,
    answer: (id: string) => id,
    step: async ({ tx, story }) => {
      const now = await databaseNow({ tx });
      const runAt = resolveScheduleTime({ input, zone, now });
      return writeSchedule({
        tx,
        story,
        actor,
        revision: input.revision,
        runAt,
        now,
        kind: input.kind ?? null,
        summary: input.summary ?? null,
        note: input.note ?? null,
      });
    },
  });
  return toScheduleDto(await getDb().schedule.findUniqueOrThrow({ where: { id }, select: scheduleSelect }));
}

/**
 * The schedule itself, for a story whose lock the caller holds: checks the revision may be scheduled, writes
 * the schedule and its history entry, and queues its job. Scheduling a revision and rescheduling a held
 * schedule's merged version (resolve-held-schedule.ts) both come through here.
 */
export async function writeSchedule(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  revision: number;
  runAt: Date;
  now: Date;
  kind: RevisionKind | null;
  summary: string | null;
  note: string | null;
}): Promise<string> {
  const { tx, story, actor, revision: number, runAt, now } = options;
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const slug = story.slug;
  if (story.status === "unpublished" || story.status === "withdrawn") {
    throw new AppError({
      code: "conflict",
      message: `scheduling on ${story.status} story ${slug} refused`,
      userMessage: `This story is ${story.status}; a schedule cannot bring it back. Republish it first, giving the reason.`,
      details: { status: story.status },
    });
  }
  const revision = await tx.revision.findUnique({
    where: { storyId_number: { storyId: story.id, number } },
    select: { number: true },
  });
  if (!revision) {
    throw new AppError({
      code: "validation_failed",
      message: `story ${slug} has no revision ${number}`,
      userMessage: `This story has no revision ${number}. Schedule one of this story's own revisions.`,
      details: { fields: [{ path: "revision", message: "is not a revision of this story" }] },
    });
  }
  if (story.liveRevisionNumber === number) {
    throw new AppError({
      code: "unprocessable",
      message: `revision ${number} of ${slug} is already live`,
      userMessage: `Revision ${number} is what readers see already; there is nothing to schedule.`,
    });
  }
  const existing = await tx.schedule.findFirst({
    where: { storyId: story.id, revisionNumber: number, state: "pending" },
    select: { runAt: true },
  });
  if (existing) {
    throw new AppError({
      code: "conflict",
      message: `revision ${number} of ${slug} already has a pending schedule`,
      userMessage: `Revision ${number} is already scheduled for ${labelInstant({ instant: existing.runAt, zone })}. Reschedule or cancel that one instead.`,
    });
  }
  const created = await tx.schedule.create({
    data: {
      storyId: story.id,
      revisionNumber: number,
      runAt,
      createdById: actor.userId,
      createdAt: now,
      liveNumberAtSchedule: story.liveRevisionNumber,
      kind: options.kind,
      summary: options.summary,
      publicNote: options.note,
    },
    select: { id: true },
  });
  await recordScheduleEvent({
    tx,
    storyId: story.id,
    action: "schedule",
    actorId: actor.userId,
    revisionNumber: number,
    reason: `Revision ${number} to go live at ${labelInstant({ instant: runAt, zone })}.`,
    at: now,
  });
  await queueScheduleJob({ tx, scheduleId: created.id, runAt });
  return created.id;
}
