import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { withStartupLock } from "@/lib/db/startup-lock";
import { seedDemoNewsroom } from "@/lib/seed/seed-demo-newsroom";

import { sharedSessionSecret } from "./shared-secret";

const scratch: ScratchDatabase[] = [];

afterAll(async () => {
  await disconnectDb();
  for (const database of scratch) await database.drop();
});

describe("two instances starting at once on an empty database", () => {
  it("migrate and seed in turn: one admin, one session secret, no error", async () => {
    const database = await createScratchDatabase({ prefix: "copydesk_startup_race" });
    scratch.push(database);
    await disconnectDb();
    process.env.DATABASE_URL = database.databaseUrl;
    // What scripts/start.ts does before it starts the web server, twice at the same moment.
    const startUp = async () => {
      await withStartupLock({
        databaseUrl: database.databaseUrl,
        work: () => applyMigrations({ databaseUrl: database.databaseUrl }),
      });
      const seeded = await withStartupLock({
        databaseUrl: database.databaseUrl,
        work: () =>
          seedDemoNewsroom({
            adminEmail: "chief@news.example",
            adminPassword: "a long shared password 42",
            withDemoStory: false,
          }),
      });
      return {
        seeded: seeded.status,
        secret: await sharedSessionSecret({ databaseUrl: database.databaseUrl }),
      };
    };
    const [a, b] = await Promise.all([startUp(), startUp()]);
    expect([a.seeded, b.seeded].sort()).toEqual(["not-needed", "seeded"]);
    expect(a.secret).toBe(b.secret);
    expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      expect((await client.query("SELECT email, role FROM users")).rows).toEqual([
        { email: "chief@news.example", role: "admin" },
      ]);
    } finally {
      await client.end();
    }
  });
});
