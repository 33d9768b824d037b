import "server-only";

import { z } from "zod";

import { logger } from "@/lib/log/logger";

import { liftDueEmbargo } from "./lift-embargo";
import { runSchedule } from "./run-schedule";

/** "schedules.publish": runs one schedule (safe to run again: a schedule no longer pending is skipped). */
export async function publishScheduleTask(payload: unknown): Promise<void> {
  const { scheduleId } = z.object({ scheduleId: z.uuid() }).parse(payload);
  const run = await runSchedule({ scheduleId });
  if (run.outcome === "held") logger.warn("scheduled publish held", { scheduleId, slug: run.slug });
}

/** "schedules.lift-embargo": lifts a story's embargo at its time; readers see it once the lift commits. */
export async function liftEmbargoTask(payload: unknown): Promise<void> {
  const { storyId } = z.object({ storyId: z.uuid() }).parse(payload);
  await liftDueEmbargo({ storyId });
}
