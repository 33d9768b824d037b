import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";

import { changeWaitingSchedule } from "./locked-schedule";
import { labelInstant } from "./newsroom-local-time";
import type { ScheduleDto } from "./schedule-dto";
import { recordScheduleEvent } from "./schedule-history";
import { dropScheduleJob } from "./schedule-jobs";

/**
 * Cancels a waiting schedule: nothing goes live, the revision stays a draft, the history says who and when.
 */
export async function cancelSchedule(options: {
  actor: Actor;
  slug: string;
  scheduleId: string;
}): Promise<ScheduleDto> {
  const { actor, slug, scheduleId } = options;
  assertCan({ actor, permission: "schedule:manage" });
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  return changeWaitingSchedule({
    slug,
    scheduleId,
    verb: "cancel",
    change: async ({ tx, story, schedule, now }) => {
      await tx.schedule.update({ where: { id: schedule.id }, data: { state: "cancelled" } });
      await recordScheduleEvent({
        tx,
        storyId: story.id,
        action: "cancel_schedule",
        actorId: actor.userId,
        revisionNumber: schedule.revisionNumber,
        reason: `Revision ${schedule.revisionNumber} will not go live at ${labelInstant({ instant: schedule.runAt, zone })}.`,
        at: now,
      });
      await dropScheduleJob({ tx, scheduleId: schedule.id });
    },
  });
}
