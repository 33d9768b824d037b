import "server-only";
import { getDb } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";

const lostConnectionKinds = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout"]);

/** A dropped connection, a server shutting down (57P…), a connection failure (08…) or a transaction that could not start in time. */
function isInterruption(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2028" || error.code === "P1001" || error.code === "P1017") return true;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  return lostConnectionKinds.has(cause?.kind ?? "") || /^(57P|08)/.test(cause?.originalCode ?? "");
}

/**
 * Runs one story write in one transaction. Writers of a story queue on its row lock, so a burst of saves
 * may wait a while for a connection or the lock: the generous limits keep them queued instead of failing.
 * An interrupted transaction leaves nothing behind, which is what its error tells the person retrying.
 */
export async function writeTransaction<T>(options: { work: (tx: Prisma.TransactionClient) => Promise<T> }): Promise<T> {
  try {
    return await getDb().$transaction(options.work, { maxWait: 20_000, timeout: 30_000, isolationLevel: "ReadCommitted" });
  } catch (error) {
    if (!isInterruption(error)) throw error;
    throw new AppError({
      code: "unavailable",
      message: `story write interrupted: ${error instanceof Error ? error.message : String(error)}`,
      userMessage: "The connection to the database was interrupted, so nothing was saved. Please try again.",
      cause: error,
    });
  }
}
