import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations } from "@/lib/db/migrations";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";

// A database of its own: changing the language rebuilds every document.
describe("SEARCH_LANGUAGE", () => {
  let database: ScratchDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: "copydesk_search_language" });
    await applyMigrations({ databaseUrl: database.databaseUrl });
    client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  const stems = async () =>
    (await client.query<{ q: string }>(`SELECT to_tsvector('copydesk_search', 'Closing Café')::text AS q`))
      .rows[0]!.q;

  it("is english by default, and stems and unaccents with it", async () => {
    expect((await client.query(`SELECT language FROM search_settings`)).rows).toEqual([
      { language: "english" },
    ]);
    expect(await stems()).toBe("'cafe':2 'close':1");
  });

  it("rebuilds search when it changes, and refuses a language the database does not have", async () => {
    const lines: string[] = [];
    await applyMigrations({
      databaseUrl: database.databaseUrl,
      search: { language: "simple", log: (line) => lines.push(line) },
    });
    expect((await client.query(`SELECT language FROM search_settings`)).rows).toEqual([
      { language: "simple" },
    ]);
    expect(await stems()).toBe("'cafe':2 'closing':1");
    expect(lines).toEqual([expect.stringMatching(/search language is now simple/)]);
    await expect(
      applyMigrations({ databaseUrl: database.databaseUrl, search: { language: "klingon" } }),
    ).rejects.toThrow(
      /SEARCH_LANGUAGE "klingon" is not a text search language of this database; choose one of: .*english/,
    );
    expect((await client.query(`SELECT language FROM search_settings`)).rows).toEqual([
      { language: "simple" },
    ]);
  });
});
