import "server-only";
import type { Prisma } from "../db/generated/client";

export const publishTask = "schedules.publish";

/** One job per schedule, keyed by it, so a reschedule moves the waiting job and a cancel removes it. */
export function scheduleJobKey(options: { scheduleId: string }): string {
  return `schedule:${options.scheduleId}`;
}

/** Queues (or moves) the job that runs a schedule, inside the transaction that writes the schedule. */
export async function queueScheduleJob(_options: { tx: Prisma.TransactionClient; scheduleId: string; runAt: Date }): Promise<void> {
  // Wired to lib/jobs once the shared queue lands.
}

/** Removes a cancelled schedule's waiting job. The runner also ignores a schedule no longer pending. */
export async function dropScheduleJob(_options: { tx: Prisma.TransactionClient; scheduleId: string }): Promise<void> {
  // Wired to lib/jobs once the shared queue lands.
}
