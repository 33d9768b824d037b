import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";

/**
 * Runs one story write in one transaction. Writers of a story queue on its row lock, so a burst of saves
 * may wait a while for a connection or the lock: the generous limits keep them queued instead of failing.
 */
export function writeTransaction<T>(options: { work: (tx: Prisma.TransactionClient) => Promise<T> }): Promise<T> {
  return getDb().$transaction(options.work, { maxWait: 20_000, timeout: 30_000, isolationLevel: "ReadCommitted" });
}
