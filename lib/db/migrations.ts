import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

import { installJobQueueSchema } from "@/lib/jobs/job-queue-schema";
import { applySearchLanguage } from "@/lib/search/search-language";

/** The lock key Prisma Migrate itself takes, so our runner and `prisma migrate deploy` exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type MigrationFile = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export async function readMigrationFiles(options: { migrationsDir?: string } = {}): Promise<MigrationFile[]> {
  const dir = options.migrationsDir ?? defaultMigrationsDir;
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Applies pending migrations with the same `_prisma_migrations` bookkeeping Prisma Migrate keeps.
 * Each migration runs in its own transaction; an applied migration whose file changed is refused.
 */
export async function applyMigrations(options: {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
  /** SEARCH_LANGUAGE: when given and different from the stored one, search is rebuilt in it (and said on `log`). */
  search?: { language: string; log?: (line: string) => void };
}): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const files = await readMigrationFiles({ migrationsDir: options.migrationsDir });
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const appliedByName = new Map(rows.map((row) => [row.migration_name, row]));
    const knownNames = new Set(files.map((file) => file.name));
    for (const row of rows) {
      if (row.finished_at === null) {
        throw new MigrationError(
          `Migration ${row.migration_name} started earlier but never finished. Inspect the database, then mark it rolled back in _prisma_migrations.`,
        );
      }
      if (!knownNames.has(row.migration_name)) {
        log(
          `warning: the database has migration ${row.migration_name}, which this version of Copydesk does not know`,
        );
      }
    }
    const applied: string[] = [];
    for (const file of files) {
      const existing = appliedByName.get(file.name);
      if (existing) {
        if (existing.checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was already applied, but its migration.sql has changed since. Restore the original file and add a new migration instead.`,
          );
        }
        continue;
      }
      await applyOne({ client, file });
      applied.push(file.name);
      log(`applied migration ${file.name}`);
    }
    await installJobQueueSchema({ databaseUrl: options.databaseUrl });
    if (options.search) await applySearchLanguage({ client, ...options.search });
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function applyOne(options: { client: pg.Client; file: MigrationFile }): Promise<void> {
  const { client, file } = options;
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    await client.query(file.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}
