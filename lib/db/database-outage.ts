declare global {
  // When this process last lost (or failed to make) a database connection. Plain global: scripts/serve.mjs
  // reads it outside Next's bundles to answer 503 instead of the 500 a failed page render produces.
  var copydeskDatabaseLostAt: number | undefined;
}

/** Called whenever a connection to the database is lost or cannot be made. */
export function noteLostConnection(): void {
  globalThis.copydeskDatabaseLostAt = Date.now();
}

// scripts/serve.mjs keeps the same window for its own 503s.
const outageWindowMs = 10_000;

/** Whether this process lost (or failed to make) a database connection in the last few seconds. */
export function databaseRecentlyLost(options: { now?: number } = {}): boolean {
  const lostAt = globalThis.copydeskDatabaseLostAt;
  return typeof lostAt === "number" && (options.now ?? Date.now()) - lostAt < outageWindowMs;
}
