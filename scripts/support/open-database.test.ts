import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations } from "@/lib/db/migrations";
import { readEnv } from "@/lib/env";

import { grantAppRoleAfterMigrations, openDatabase, type OpenDatabase } from "./open-database";

describe("the embedded database's least-privilege app role", () => {
  let dataRoot = "";
  let database: OpenDatabase | undefined;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    dataRoot = await mkdtemp(path.join(os.tmpdir(), "copydesk-app-role-"));
    // Started as root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
    await chmod(dataRoot, 0o755);
  });

  afterAll(async () => {
    await database?.stop();
    process.env.DATABASE_URL = savedUrl;
    await rm(dataRoot, { recursive: true, force: true });
  });

  it("the app connects as a role that can write rows but cannot unlock history", async () => {
    // Guards issue 9.11: on the embedded database the app connected as the superuser.
    database = await openDatabase({
      env: readEnv({ source: { COPYDESK_DATA_DIR: dataRoot } }),
      ifOwnedElsewhere: "refuse",
    });
    await applyMigrations({ databaseUrl: database.ownerUrl });
    await grantAppRoleAfterMigrations(database);
    expect(new URL(database.databaseUrl).username).toBe("copydesk_app");
    expect(process.env.DATABASE_URL).toBe(database.databaseUrl);

    const app = new pg.Client({ connectionString: database.databaseUrl });
    await app.connect();
    try {
      const { rows } = await app.query<{ rolsuper: boolean }>(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
      );
      expect(rows[0]?.rolsuper).toBe(false);
      await app.query("INSERT INTO sign_in_limits (key, points, expire) VALUES ('probe', 1, 0)");
      await expect(app.query("ALTER TABLE revisions DISABLE TRIGGER ALL")).rejects.toThrow(/must be owner/);
      await expect(app.query("UPDATE revisions SET headline = 'x'")).rejects.toThrow(/permission denied/);
      await expect(app.query("DELETE FROM revisions")).rejects.toThrow(/permission denied/);
      await expect(app.query("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});
