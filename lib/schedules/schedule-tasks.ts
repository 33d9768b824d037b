import "server-only";

import { z } from "zod";

import { logger } from "@/lib/log/logger";

import { liftDueEmbargo } from "./lift-embargo";
import { invalidateAfterJob } from "./public-invalidation";
import { runSchedule } from "./run-schedule";

/** "schedules.publish": runs one schedule (safe to run again: a schedule no longer pending is skipped). */
export async function publishScheduleTask(payload: unknown): Promise<void> {
  const { scheduleId } = z.object({ scheduleId: z.uuid() }).parse(payload);
  const run = await runSchedule({ scheduleId });
  if (run.outcome === "published") await invalidateAfterJob({ slug: run.slug });
  if (run.outcome === "held") logger.warn("scheduled publish held", { scheduleId, slug: run.slug });
}

/** "schedules.lift-embargo": lifts a story's embargo at its time, then lets readers see it. */
export async function liftEmbargoTask(payload: unknown): Promise<void> {
  const { storyId } = z.object({ storyId: z.uuid() }).parse(payload);
  const lift = await liftDueEmbargo({ storyId });
  if (lift.outcome === "lifted") await invalidateAfterJob({ slug: lift.slug });
}
