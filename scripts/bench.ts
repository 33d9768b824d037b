// `npm run bench`: Copydesk's speed figures, printed rather than asserted (tests never time things).
//
// Convention for benchmark modules:
// - One file per area in scripts/bench/, e.g. scripts/bench/revision-save.ts. They run in file-name order.
// - Each exports `default async function run(): Promise<void>` that seeds what it needs through lib/
//   services (getDb() already points at a fresh, migrated database of this run), measures, and prints its
//   own table with a same-run baseline beside each figure (e.g. revision 2 next to revision 5,000, or the
//   plain whole-body diffWords next to the paragraph-first diff), so numbers are comparable on any machine.
// - A module must not depend on another module's data; the database is shared by all modules of one run.
//
// `npm run bench -- diff` runs only the modules whose file name contains "diff".
// PostgreSQL: TEST_DATABASE_URL when set, otherwise a throwaway embedded server (lib/testing/test-server.ts).
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

import { disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { withDatabase } from "@/lib/testing/global-setup";
import { startTestPostgres } from "@/lib/testing/test-server";

type BenchModule = { default?: () => Promise<void> };

const benchDir = path.resolve(import.meta.dirname, "bench");
const filters = process.argv.slice(2);

async function benchFiles(): Promise<string[]> {
  const entries = await readdir(benchDir).catch(() => [] as string[]);
  return entries
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
}

async function main(): Promise<number> {
  const files = await benchFiles();
  if (files.length === 0) {
    console.log(
      filters.length
        ? `No benchmark in scripts/bench/ matches ${filters.join(", ")}.`
        : "No benchmarks in scripts/bench/ yet.",
    );
    return 0;
  }
  const server = await startTestPostgres();
  const database = `copydesk_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  process.env.DATABASE_URL = withDatabase(server.adminUrl, database);
  await applyMigrations({ databaseUrl: process.env.DATABASE_URL });

  let failures = 0;
  try {
    for (const file of files) {
      console.log(`\n━━ ${file}`);
      const started = Date.now();
      try {
        const loaded = (await import(pathToFileURL(path.join(benchDir, file)).href)) as BenchModule;
        if (typeof loaded.default !== "function")
          throw new Error("it has no default export `async function run()`");
        await loaded.default();
        console.log(`━━ ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        failures += 1;
        console.error(
          `━━ ${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  } finally {
    await disconnectDb();
    const cleanup = new pg.Client({ connectionString: server.adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
    await server.stop();
  }
  return failures === 0 ? 0 : 1;
}

process.exit(await main());
