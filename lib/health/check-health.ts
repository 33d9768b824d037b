import "server-only";

import { getDb } from "@/lib/db/client";
import { invalidationsCaughtUpAt } from "@/lib/delivery/invalidation-listener";
import { logger } from "@/lib/log/logger";

/**
 * `invalidationsCaughtUpAt`: when this instance last finished reading every instance's changes (null until
 * its listener's first catch-up, moments after the server starts). Everything committed before that instant
 * is reflected in the pages it keeps in memory.
 */
export type HealthReport =
  | { status: "ok"; db: "ok"; invalidationsCaughtUpAt: string | null }
  | { status: "unavailable"; db: "unreachable"; reason: string };

// A load balancer asking "are you up?" needs an answer, not a connection attempt that hangs.
const timeoutMs = 3_000;

export async function checkHealth(options: { timeoutMs?: number } = {}): Promise<HealthReport> {
  const limit = options.timeoutMs ?? timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), limit);
  });
  try {
    const outcome = await Promise.race([getDb().$queryRaw`SELECT 1`.then(() => "ok" as const), timedOut]);
    if (outcome === "ok")
      return {
        status: "ok",
        db: "ok",
        invalidationsCaughtUpAt: invalidationsCaughtUpAt()?.toISOString() ?? null,
      };
    logger.error("health check: database did not answer in time", { timeoutMs: limit });
    return {
      status: "unavailable",
      db: "unreachable",
      reason: `The database did not answer within ${limit / 1000} seconds.`,
    };
  } catch (error) {
    logger.error("health check: database unreachable", { error });
    return { status: "unavailable", db: "unreachable", reason: "The database is not reachable." };
  } finally {
    clearTimeout(timer);
  }
}
