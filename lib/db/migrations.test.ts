import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations, defaultMigrationsDir, MigrationError, readMigrationFiles } from "./migrations";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
};

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function bookkeeping(databaseUrl: string): Promise<MigrationRow[]> {
  return query<MigrationRow>(
    databaseUrl,
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
}

async function tableExists(databaseUrl: string, table: string): Promise<boolean> {
  const rows = await query<{ found: string | null }>(
    databaseUrl,
    `SELECT to_regclass('public.${table}')::text AS found`,
  );
  return rows[0]?.found != null;
}

describe("applyMigrations", () => {
  const scratch: ScratchDatabase[] = [];
  let workDir = "";

  async function emptyDatabase(): Promise<string> {
    const database = await createScratchDatabase({ prefix: "copydesk_migrate" });
    scratch.push(database);
    return database.databaseUrl;
  }

  // A private copy of prisma/migrations that a test may change without touching the real files.
  async function copyOfMigrations(): Promise<string> {
    const dir = path.join(workDir, `migrations-${scratch.length}-${Math.random().toString(36).slice(2)}`);
    await cp(defaultMigrationsDir, dir, { recursive: true });
    return dir;
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), "copydesk-migrations-"));
  });

  afterEach(async () => {
    await Promise.all(scratch.splice(0).map((database) => database.drop()));
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it("applies every migration to an empty database with Prisma's bookkeeping", async () => {
    const databaseUrl = await emptyDatabase();
    const files = await readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);

    const { applied } = await applyMigrations({ databaseUrl });

    expect(applied).toEqual(files.map((file) => file.name));
    const rows = await bookkeeping(databaseUrl);
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(files[index]?.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(databaseUrl, "revisions")).toBe(true);
  });

  it("does nothing on a second run", async () => {
    const databaseUrl = await emptyDatabase();
    await applyMigrations({ databaseUrl });
    const before = await bookkeeping(databaseUrl);

    const { applied } = await applyMigrations({ databaseUrl });

    expect(applied).toEqual([]);
    expect(await bookkeeping(databaseUrl)).toEqual(before);
  });

  it("refuses an applied migration whose file has changed, naming it", async () => {
    const databaseUrl = await emptyDatabase();
    const migrationsDir = await copyOfMigrations();
    await applyMigrations({ databaseUrl, migrationsDir });
    const [first] = await readMigrationFiles({ migrationsDir });
    const file = path.join(migrationsDir, first!.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after it was applied\n`);

    const run = applyMigrations({ databaseUrl, migrationsDir });

    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(
      `Migration ${first!.name} was already applied, but its migration.sql has changed`,
    );
  });

  it("rolls a failing migration back whole, and applies it once it is fixed", async () => {
    const databaseUrl = await emptyDatabase();
    const migrationsDir = await copyOfMigrations();
    const broken = path.join(migrationsDir, "29990101000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "half_done" ("id" INTEGER);\nINSERT INTO "half_done" VALUES (1);\nSELECT 1 / 0;\n`,
    );

    await expect(applyMigrations({ databaseUrl, migrationsDir })).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back: division by zero/,
    );

    expect(await tableExists(databaseUrl, "half_done")).toBe(false);
    const names = (await bookkeeping(databaseUrl)).map((row) => row.migration_name);
    expect(names).not.toContain("29990101000000_broken");
    expect(await tableExists(databaseUrl, "stories")).toBe(true);

    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\n`);
    expect((await applyMigrations({ databaseUrl, migrationsDir })).applied).toEqual([
      "29990101000000_broken",
    ]);
    expect(await tableExists(databaseUrl, "half_done")).toBe(true);
  });

  it("lets two instances that start together both succeed, applying each migration once", async () => {
    const databaseUrl = await emptyDatabase();
    const files = await readMigrationFiles();

    const [first, second] = await Promise.all([
      applyMigrations({ databaseUrl }),
      applyMigrations({ databaseUrl }),
    ]);

    expect([...first.applied, ...second.applied].sort()).toEqual(files.map((file) => file.name));
    const rows = await bookkeeping(databaseUrl);
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
  });
});
