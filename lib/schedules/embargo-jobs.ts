import "server-only";
import type { Prisma } from "../db/generated/client";

export const liftEmbargoTask = "schedules.lift-embargo";

/** One lift job per story: moving the embargo moves the job, lifting it early removes it. */
export function embargoJobKey(options: { storyId: string }): string {
  return `embargo:${options.storyId}`;
}

export async function queueEmbargoJob(_options: { tx: Prisma.TransactionClient; storyId: string; runAt: Date }): Promise<void> {
  // Wired to lib/jobs once the shared queue lands.
}

export async function dropEmbargoJob(_options: { tx: Prisma.TransactionClient; storyId: string }): Promise<void> {
  // Wired to lib/jobs once the shared queue lands.
}
