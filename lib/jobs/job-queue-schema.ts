import { Logger, runMigrations, type LogFunctionFactory } from "graphile-worker";
import pg from "pg";

// Graphile Worker keeps its queue in a schema of its own and migrates it itself. It runs here, as the role
// that owns the tables, so the app's least-privilege role never needs CREATE (lib/db/app-role.ts grants it
// the rows and functions only).
export const jobQueueSchema = "graphile_worker";

const quietLogFactory: LogFunctionFactory = () => (level, message) => {
  if (level === "error") console.error(`job queue migration: ${message}`);
};

/**
 * Installs or upgrades the job queue's schema; idempotent, and safe to run from several processes at once.
 */
export async function installJobQueueSchema(options: { databaseUrl: string }): Promise<void> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  // An idle connection lost here fails the migration's own query, which reports it; the pool must not crash
  // us.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await runMigrations({ pgPool: pool, schema: jobQueueSchema, logger: new Logger(quietLogFactory) });
  } finally {
    await pool.end();
  }
}
