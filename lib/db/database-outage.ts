import { processParts } from "@/lib/server/process-wiring.mjs";
import { databaseOutageWindowMs } from "@/lib/server/shared-constants.mjs";

/** Called whenever a connection to the database is lost or cannot be made. */
export function noteLostConnection(): void {
  processParts.databaseLostAt = Date.now();
}

/**
 * Whether this process lost (or failed to make) a database connection in the last few seconds. Kept in the
 * process's shared parts: scripts/serve.mjs asks the same, outside Next's bundles, to answer 503 instead of
 * the 500 a failed render produces.
 */
export function databaseRecentlyLost(options: { now?: number } = {}): boolean {
  const lostAt = processParts.databaseLostAt;
  return lostAt !== undefined && (options.now ?? Date.now()) - lostAt < databaseOutageWindowMs;
}
