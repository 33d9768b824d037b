import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { StatusAction } from "@/lib/db/generated/enums";

/** The database clock, read under the story lock, so history times rise with the order of writes. */
export async function databaseNow(options: { tx: Prisma.TransactionClient }): Promise<Date> {
  const [{ now }] = (await options.tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`) as [
    { now: Date },
  ];
  return now;
}

/** One entry in the story's append-only status history for a schedule or embargo move: who, when, what. */
export async function recordScheduleEvent(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  action: Extract<
    StatusAction,
    | "schedule"
    | "reschedule"
    | "cancel_schedule"
    | "hold_schedule"
    | "resolve_schedule"
    | "embargo"
    | "lift_embargo"
  >;
  actorId: string;
  revisionNumber: number | null;
  reason: string;
  at: Date;
}): Promise<void> {
  await options.tx.storyStatusEvent.create({
    data: {
      storyId: options.storyId,
      action: options.action,
      revisionNumber: options.revisionNumber,
      actorId: options.actorId,
      reason: options.reason,
      createdAt: options.at,
    },
  });
}
