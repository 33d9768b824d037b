import { randomBytes } from "node:crypto";
import pg from "pg";

export type ScratchDatabase = { databaseUrl: string; drop: () => Promise<void> };

function onDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A new, empty database on the same server as `serverUrl` (default: DATABASE_URL), for tests that
 * need a database the shared test setup has not migrated (the migrator's and the schema's own tests).
 */
export async function createScratchDatabase(options: {
  prefix: string;
  serverUrl?: string;
}): Promise<ScratchDatabase> {
  const serverUrl = options.serverUrl ?? process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("createScratchDatabase needs DATABASE_URL (the test setup provides it)");
  const adminUrl = onDatabase(serverUrl, "postgres");
  const name = `${options.prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: onDatabase(serverUrl, name),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
