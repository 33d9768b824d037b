import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { cancelJob, enqueueJob } from "@/lib/jobs/enqueue-job";

export const publishTask = "schedules.publish";

/** One job per schedule, keyed by it, so a reschedule moves the waiting job and a cancel removes it. */
export function scheduleJobKey(options: { scheduleId: string }): string {
  return `schedule:${options.scheduleId}`;
}

/** Queues (or moves) the job that runs a schedule, inside the transaction that writes the schedule. */
export async function queueScheduleJob(options: {
  tx: Prisma.TransactionClient;
  scheduleId: string;
  runAt: Date;
}): Promise<void> {
  await enqueueJob({
    tx: options.tx,
    task: publishTask,
    payload: { scheduleId: options.scheduleId },
    runAt: options.runAt,
    jobKey: scheduleJobKey(options),
    maxAttempts: 25,
  });
}

/** Removes a cancelled schedule's waiting job. The runner also ignores a schedule no longer pending. */
export async function dropScheduleJob(options: {
  tx: Prisma.TransactionClient;
  scheduleId: string;
}): Promise<void> {
  await cancelJob({ tx: options.tx, jobKey: scheduleJobKey(options) });
}
