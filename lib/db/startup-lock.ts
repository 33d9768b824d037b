import pg from "pg";

// Not Prisma Migrate's own key (lib/db/migrations.ts takes that one inside): a lock of Copydesk's start-up.
const STARTUP_LOCK_KEY = 72707370;

/**
 * Runs `work` while holding a database-wide advisory lock, so instances started at the same moment on one
 * database take turns: one migrates, grants and seeds the first admin; the next finds it all done.
 */
export async function withStartupLock<T>(options: {
  databaseUrl: string;
  work: () => Promise<T>;
}): Promise<T> {
  const client = new pg.Client({
    connectionString: options.databaseUrl,
    application_name: "copydesk-startup",
  });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    return await options.work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
