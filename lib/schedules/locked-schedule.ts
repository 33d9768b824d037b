import "server-only";

import { z } from "zod";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind, ScheduleState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/story";
import { writeStory } from "@/lib/stories/story-write";

import { scheduleSelect, toScheduleDto, type ScheduleDto } from "./schedule-dto";
import { databaseNow } from "./schedule-history";

export type LockedSchedule = {
  id: string;
  storyId: string;
  revisionNumber: number;
  runAt: Date;
  state: ScheduleState;
  createdById: string;
  liveNumberAtSchedule: number | null;
  kind: RevisionKind | null;
  summary: string | null;
  publicNote: string | null;
};

function scheduleNotFound(id: string): AppError {
  return new AppError({
    code: "not_found",
    message: `schedule ${id} not found`,
    userMessage: "There is no such schedule on this story.",
  });
}

/**
 * Locks a schedule row (SELECT … FOR UPDATE) after the caller locked its story, always in that order, so a
 * runner, a reschedule and a cancel of the same schedule take turns and see each other's state.
 */
export async function lockSchedule(options: {
  tx: Prisma.TransactionClient;
  id: string;
  storyId?: string;
}): Promise<LockedSchedule> {
  if (!z.uuid().safeParse(options.id).success) throw scheduleNotFound(options.id);
  const rows = await options.tx.$queryRaw<
    {
      id: string;
      story_id: string;
      revision_number: number;
      run_at: Date;
      state: ScheduleState;
      created_by_id: string;
      live_number_at_schedule: number | null;
      kind: RevisionKind | null;
      summary: string | null;
      public_note: string | null;
    }[]
  >`SELECT id, story_id, revision_number, run_at, state::text AS state, created_by_id, live_number_at_schedule, kind::text AS kind, summary, public_note
      FROM schedules WHERE id = ${options.id}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || (options.storyId !== undefined && row.story_id !== options.storyId))
    throw scheduleNotFound(options.id);
  return {
    id: row.id,
    storyId: row.story_id,
    revisionNumber: row.revision_number,
    runAt: row.run_at,
    state: row.state,
    createdById: row.created_by_id,
    liveNumberAtSchedule: row.live_number_at_schedule,
    kind: row.kind,
    summary: row.summary,
    publicNote: row.public_note,
  };
}

type WaitingScheduleVerb = "cancel" | "reschedule";

/**
 * Only a schedule still waiting can be moved or cancelled; one that ran, was held or cancelled stays as it
 * is.
 */
function assertPending(options: { schedule: LockedSchedule; verb: WaitingScheduleVerb }): void {
  if (options.schedule.state === "pending") return;
  const why = {
    done: "it has already run",
    held: "it was held and did not run",
    cancelled: "it was cancelled",
    resolved: "it was held, then resolved on the desk",
    pending: "",
  }[options.schedule.state];
  throw new AppError({
    code: "conflict",
    message: `cannot ${options.verb} schedule ${options.schedule.id} in state ${options.schedule.state}`,
    userMessage: `This schedule cannot be ${options.verb}d: ${why}.`,
    details: { state: options.schedule.state },
  });
}

/**
 * A change to a schedule still waiting (cancelling or moving it): under the story's lock, the story's schedule
 * is locked and refused unless pending, then `change` writes with the database's clock. Answers the schedule as
 * it stands after COMMIT.
 */
export async function changeWaitingSchedule(options: {
  slug: string;
  scheduleId: string;
  verb: WaitingScheduleVerb;
  change: (waiting: {
    tx: Prisma.TransactionClient;
    story: LockedStory;
    schedule: LockedSchedule;
    now: Date;
  }) => Promise<void>;
}): Promise<ScheduleDto> {
  const { scheduleId } = options;
  await writeStory({
    slug: options.slug,
    // A schedule waiting changes nothing readers see until it runs.
    readersSeeChange: () => false,
    answer: () => undefined,
    step: async ({ tx, story }) => {
      const schedule = await lockSchedule({ tx, id: scheduleId, storyId: story.id });
      assertPending({ schedule, verb: options.verb });
      const now = await databaseNow({ tx });
      await options.change({ tx, story, schedule, now });
    },
  });
  return toScheduleDto(
    await getDb().schedule.findUniqueOrThrow({ where: { id: scheduleId }, select: scheduleSelect }),
  );
}
