import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { parseInput } from "@/lib/validation/parse-input";

import { changeWaitingSchedule } from "./locked-schedule";
import { labelInstant } from "./newsroom-local-time";
import { resolveScheduleTime } from "./resolve-schedule-time";
import type { ScheduleDto } from "./schedule-dto";
import { recordScheduleEvent } from "./schedule-history";
import { RescheduleInput } from "./schedule-input";
import { queueScheduleJob } from "./schedule-jobs";

/** Moves a waiting schedule to another time (same rules as scheduling); its job moves with it. */
export async function rescheduleRevision(options: {
  actor: Actor;
  slug: string;
  scheduleId: string;
  input: unknown;
}): Promise<ScheduleDto> {
  const { actor, slug, scheduleId } = options;
  assertCan({ actor, permission: "schedule:manage" });
  const input = parseInput({ schema: RescheduleInput, input: options.input });
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  return changeWaitingSchedule({
    slug,
    scheduleId,
    verb: "reschedule",
    change: async ({ tx, story, schedule, now }) => {
      const runAt = resolveScheduleTime({ input, zone, now });
      await tx.schedule.update({ where: { id: schedule.id }, data: { runAt } });
      await recordScheduleEvent({
        tx,
        storyId: story.id,
        action: "reschedule",
        actorId: actor.userId,
        revisionNumber: schedule.revisionNumber,
        reason: `Revision ${schedule.revisionNumber} moved from ${labelInstant({ instant: schedule.runAt, zone })} to ${labelInstant({ instant: runAt, zone })}.`,
        at: now,
      });
      await queueScheduleJob({ tx, scheduleId: schedule.id, runAt });
    },
  });
}
