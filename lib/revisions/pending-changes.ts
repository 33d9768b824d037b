import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

import type { PendingChange } from "./publication-plan";

/** Revisions saved after the live one that readers have not seen (drafts), oldest first. */
export async function readPendingChanges(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  liveNumber: number | null;
}): Promise<PendingChange[]> {
  return options.tx.revision.findMany({
    where: { storyId: options.storyId, number: { gt: options.liveNumber ?? 0 }, publishedAt: null },
    orderBy: { number: "asc" },
    select: { number: true, kind: true, publicNote: true },
  });
}
