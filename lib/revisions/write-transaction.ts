import "server-only";

import { getDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/connection-loss";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, isAppError } from "@/lib/errors/app-error";

/**
 * Runs one story write in one transaction. Writers of a story queue on its row lock, so a burst of saves
 * may wait a while for a connection or the lock: the generous limits keep them queued instead of failing.
 * A transaction that lost its connection before COMMIT is re-run once by the client (lib/db/client.ts); one
 * that still cannot finish leaves nothing behind, which is what its error tells the person retrying.
 */
export async function writeTransaction<T>(options: {
  work: (tx: Prisma.TransactionClient) => Promise<T>;
}): Promise<T> {
  try {
    return await getDb().$transaction(options.work, {
      maxWait: 20_000,
      timeout: 30_000,
      isolationLevel: "ReadCommitted",
    });
  } catch (error) {
    if (isAppError(error) || !isDatabaseUnavailable(error)) throw error;
    throw new AppError({
      code: "unavailable",
      message: `story write interrupted: ${error instanceof Error ? error.message : String(error)}`,
      userMessage: "The connection to the database was interrupted, so nothing was saved. Please try again.",
      cause: error,
    });
  }
}
