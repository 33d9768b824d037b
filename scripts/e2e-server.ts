// Serves the production build for the browser tests, on a database of its own.
// Specs reach the same database through e2e/support (the URL is written to .data/e2e/).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

import { applyMigrations } from "@/lib/db/migrations";
import { withDatabase } from "@/lib/testing/global-setup";
import { startTestPostgres } from "@/lib/testing/test-server";

const port = Number(process.env.E2E_PORT ?? 3100);
const server = await startTestPostgres();
const database = `copydesk_e2e_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: server.adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}"`);
await admin.end();
const databaseUrl = withDatabase(server.adminUrl, database);
await applyMigrations({ databaseUrl });
// A new installation requires a second factor of admins and editors (the sign-in security migration). The shared
// suite's specs seed editors and admins who sign in with a password alone, so this server turns the requirement
// off, as an admin would on the People page. Specs about the requirement run their own server
// (e2e/support/own-server.ts) and turn it on there.
const seed = new pg.Client({ connectionString: databaseUrl });
await seed.connect();
await seed.query(`UPDATE security_policy SET second_factor_roles = '{}' WHERE id = 1`);
await seed.end();

const stateDir = path.resolve(".data", "e2e");
await mkdir(stateDir, { recursive: true });
await writeFile(
  path.join(stateDir, `server-${port}.json`),
  JSON.stringify({ databaseUrl, baseUrl: `http://127.0.0.1:${port}` }),
);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  PORT: String(port),
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  COPYDESK_HOST: "127.0.0.1",
};
delete env.NODE_OPTIONS;
const next = spawn(process.execPath, ["scripts/serve.mjs"], {
  env,
  stdio: "inherit",
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  const cleanup = new pg.Client({ connectionString: server.adminUrl });
  await cleanup.connect().catch(() => {});
  await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
  await cleanup.end().catch(() => {});
  await server.stop();
  process.exit(code);
}
next.on("exit", (code) => void stop(code ?? 1));
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
