import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { cancelJob, enqueueJob } from "@/lib/jobs/enqueue-job";

export const liftEmbargoTask = "schedules.lift-embargo";

/** One lift job per story: moving the embargo moves the job, lifting it early removes it. */
export function embargoJobKey(options: { storyId: string }): string {
  return `embargo:${options.storyId}`;
}

export async function queueEmbargoJob(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  runAt: Date;
}): Promise<void> {
  await enqueueJob({
    tx: options.tx,
    task: liftEmbargoTask,
    payload: { storyId: options.storyId },
    runAt: options.runAt,
    jobKey: embargoJobKey(options),
    maxAttempts: 25,
  });
}

export async function dropEmbargoJob(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
}): Promise<void> {
  await cancelJob({ tx: options.tx, jobKey: embargoJobKey(options) });
}
