import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { storyNotFound } from "@/lib/stories/story";

import { scheduleSelect, toScheduleDto, type ScheduleDto } from "./schedule-dto";

export type UpcomingSchedule = ScheduleDto & { headline: string };

/**
 * A story's schedules, soonest first (waiting ones first, then the ones that ran, were held or cancelled).
 */
export async function listStorySchedules(options: { actor: Actor; slug: string }): Promise<ScheduleDto[]> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const story = await getDb().story.findUnique({ where: { slug: options.slug }, select: { id: true } });
  if (!story) throw storyNotFound({ slug: options.slug });
  const rows = await getDb().schedule.findMany({
    where: { storyId: story.id },
    orderBy: [{ runAt: "desc" }],
    take: 200,
    select: scheduleSelect,
  });
  const order = { pending: 0, held: 1, done: 2, resolved: 3, cancelled: 4 } as const;
  return rows
    .map(toScheduleDto)
    .sort(
      (a, b) =>
        order[a.state] - order[b.state] || (a.state === "pending" ? a.runAt.localeCompare(b.runAt) : 0),
    );
}

/**
 * The newsroom-wide "what goes out next": every waiting schedule, soonest first, plus held ones (they need
 * the desk), each with the story's newest headline.
 */
export async function listUpcomingSchedules(options: {
  actor: Actor;
  limit?: number;
}): Promise<UpcomingSchedule[]> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const rows = await getDb().schedule.findMany({
    where: { state: { in: ["pending", "held"] } },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: Math.max(1, Math.min(options.limit ?? 100, 500)),
    select: {
      ...scheduleSelect,
      story: {
        select: {
          slug: true,
          revisions: { orderBy: { number: "desc" }, take: 1, select: { headline: true } },
        },
      },
    },
  });
  return rows.map((row) => ({ ...toScheduleDto(row), headline: row.story.revisions[0]?.headline ?? "" }));
}
