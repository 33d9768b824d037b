import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations, defaultMigrationsDir, readMigrationFiles } from "./migrations";
import { actualSchema } from "./schema-drift/actual-schema";
import type { DatabaseShape } from "./schema-drift/database-shape";
import { diffSchemas } from "./schema-drift/diff-schemas";
import { expectedSchema } from "./schema-drift/expected-schema";
import { readPrismaDatamodel } from "./schema-drift/read-prisma-datamodel";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

describe("migrations match prisma/schema.prisma", () => {
  let expected: DatabaseShape;
  let migrated: DatabaseShape;
  const scratch: ScratchDatabase[] = [];
  let workDir = "";

  // Migrates a fresh database from a copy of prisma/migrations with one migration.sql edited.
  async function migrateAltered(edit: (sql: string) => string): Promise<DatabaseShape> {
    const migrationsDir = path.join(workDir, `migrations-${scratch.length}`);
    await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
    let edited = 0;
    for (const file of await readMigrationFiles({ migrationsDir })) {
      const altered = edit(file.sql);
      if (altered === file.sql) continue;
      await writeFile(path.join(migrationsDir, file.name, "migration.sql"), altered);
      edited += 1;
    }
    expect(edited, "the edit must change exactly one migration").toBe(1);
    const database = await createScratchDatabase({ prefix: "copydesk_drift" });
    scratch.push(database);
    await applyMigrations({ databaseUrl: database.databaseUrl, migrationsDir });
    return actualSchema({ databaseUrl: database.databaseUrl });
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), "copydesk-drift-"));
    const database = await createScratchDatabase({ prefix: "copydesk_drift" });
    scratch.push(database);
    await applyMigrations({ databaseUrl: database.databaseUrl });
    [expected, migrated] = await Promise.all([
      readPrismaDatamodel().then(expectedSchema),
      actualSchema({ databaseUrl: database.databaseUrl }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(scratch.map((database) => database.drop()));
    await rm(workDir, { recursive: true, force: true });
  });

  it("has no drift: every model, field, type, nullability, default, relation, unique, index and enum", () => {
    expect(diffSchemas({ expected, actual: migrated })).toEqual([]);
  });

  it("reads the schema through Prisma's parser, covering each kind of schema element", () => {
    expect(Object.keys(expected.tables)).toEqual(
      expect.arrayContaining([
        "users",
        "api_tokens",
        "stories",
        "revisions",
        "contributors",
        "credits",
        "story_status_events",
        "story_presence",
        "sign_in_limits",
      ]),
    );
    expect(expected.tables.users?.created_at).toEqual({
      type: "timestamp(3) with time zone",
      nullable: false,
      default: "CURRENT_TIMESTAMP",
    });
    expect(expected.tables.users?.id).toEqual({ type: "uuid", nullable: false, default: null });
    expect(expected.tables.sign_in_limits?.key?.type).toBe("character varying(255)");
    expect(expected.tables.sign_in_limits?.expire).toEqual({ type: "bigint", nullable: true, default: null });
    expect(expected.tables.revisions?.images).toEqual({
      type: "jsonb",
      nullable: false,
      default: "'[]'::jsonb",
    });
    expect(expected.tables.stories?.status).toEqual({
      type: "StoryStatus",
      nullable: false,
      default: `'draft'::"StoryStatus"`,
    });
    expect(expected.indexes.stories_status_last_material_update_at_idx?.columns).toEqual([
      "status",
      "last_material_update_at DESC",
    ]);
    expect(expected.indexes.story_presence_pkey?.columns).toEqual(["story_id", "user_id"]);
    expect(expected.foreignKeys.contributors_user_id_fkey?.onDelete).toBe("SetNull");
    expect(expected.enums.RevisionKind).toEqual([
      "initial",
      "update",
      "correction",
      "clarification",
      "editors_note",
      "minor",
      "restore",
    ]);
  });

  // Each edit below is a drift a hand-written migration could plausibly introduce.
  it.each([
    [
      "column type",
      (sql: string) =>
        sql.replace(
          `"created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "deactivated_at"`,
          `"created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "deactivated_at"`,
        ),
      /column users\.created_at differs/,
    ],
    [
      "nullability",
      (sql: string) => sql.replace(`"headline" TEXT NOT NULL`, `"headline" TEXT`),
      /column revisions\.headline differs/,
    ],
    [
      "default",
      (sql: string) =>
        sql.replace(`"points" INTEGER NOT NULL DEFAULT 0`, `"points" INTEGER NOT NULL DEFAULT 1`),
      /column sign_in_limits\.points differs/,
    ],
    [
      "index sort order",
      (sql: string) => sql.replace(`("last_revised_at" DESC)`, `("last_revised_at")`),
      /index stories_last_revised_at_idx differs/,
    ],
    [
      "unique turned plain index",
      (sql: string) =>
        sql.replace(`CREATE UNIQUE INDEX "stories_slug_key"`, `CREATE INDEX "stories_slug_key"`),
      /index stories_slug_key differs/,
    ],
    [
      "missing index",
      (sql: string) => sql.replace(/CREATE INDEX "credits_contributor_id_idx"[^;]*;/, ""),
      /missing index credits_contributor_id_idx/,
    ],
    [
      "onDelete action",
      (sql: string) =>
        sql.replace(
          `REFERENCES "users"("id") ON DELETE SET NULL`,
          `REFERENCES "users"("id") ON DELETE CASCADE`,
        ),
      /foreign key contributors_user_id_fkey differs/,
    ],
    [
      "extra enum value",
      (sql: string) => sql.replace(`'photo', 'editing'`, `'photo', 'editing', 'graphics'`),
      /enum CreditRole differs/,
    ],
    [
      "extra column",
      (sql: string) =>
        sql.replace(`"position" INTEGER NOT NULL,`, `"position" INTEGER NOT NULL,\n    "legacy_id" TEXT,`),
      /unexpected column credits\.legacy_id/,
    ],
  ])("fails on drift in the migrations: %s", async (_what, edit, problem) => {
    const drifted = await migrateAltered(edit);
    expect(diffSchemas({ expected, actual: drifted }).join("\n")).toMatch(problem);
  });

  it("fails when schema.prisma gains a field no migration creates", async () => {
    const schemaPath = path.join(workDir, "schema.prisma");
    const schema = await readFile(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    await writeFile(schemaPath, schema.replace(/(model Contributor \{\n)/, "$1  pronouns String?\n"));
    const ahead = expectedSchema(await readPrismaDatamodel({ schemaPath }));
    expect(diffSchemas({ expected: ahead, actual: migrated })).toEqual([
      "missing column contributors.pronouns: text NULL DEFAULT none",
    ]);
  });
});
