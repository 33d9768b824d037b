import pg from "pg";

/** Ends every other connection to this test's own database (never anyone else's); resolves with how many. */
export async function terminateOwnConnections(options: { killer: pg.Client }): Promise<number> {
  const result = await options.killer.query<{ killed: number }>(
    "SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  return result.rows[0]?.killed ?? 0;
}

/**
 * A database that keeps dropping connections, as during a flapping failover: every `intervalMs` each
 * connection to the test's own database is terminated. `stop` ends the storm and says how many were killed.
 */
export async function startKillStorm(options: {
  intervalMs: number;
}): Promise<{ stop: () => Promise<number> }> {
  const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await killer.connect();
  let running = true;
  let killed = 0;
  const loop = (async () => {
    while (running) {
      killed += await terminateOwnConnections({ killer });
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await killer.end();
      return killed;
    },
  };
}
