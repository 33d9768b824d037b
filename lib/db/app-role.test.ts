import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ensureLoginRole, grantAppRole, urlForRole } from "./app-role";
import { getDb } from "./client";

// Roles are cluster-wide on the shared test server: a unique name, dropped afterwards.
const role = `copydesk_app_test_${randomBytes(5).toString("hex")}`;
const password = randomBytes(16).toString("hex");
const ownerUrl = process.env.DATABASE_URL!;
let app: pg.Client;
let revisionId = "";
let userId = "";

async function asOwner(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const db = getDb();
  const user = await db.user.create({
    data: {
      email: `least-privilege-${role}@example.test`,
      name: `Least Privilege ${role}`,
      role: "editor",
      passwordHash: "x",
    },
  });
  userId = user.id;
  const story = await db.story.create({
    data: { slug: `least-privilege-${role}`, createdById: user.id, latestRevisionNumber: 1 },
  });
  const revision = await db.revision.create({
    data: {
      storyId: story.id,
      number: 1,
      authorId: user.id,
      kind: "initial",
      summary: "First version",
      contentHash: "h",
      headline: "As published",
      body: "Body",
    },
  });
  revisionId = revision.id;
  await ensureLoginRole({ ownerUrl, role, password });
  await grantAppRole({ ownerUrl, appRole: role });
  app = new pg.Client({ connectionString: urlForRole({ databaseUrl: ownerUrl, role, password }) });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
  await asOwner(`DROP OWNED BY "${role}"`).catch(() => {});
  await asOwner(`DROP ROLE IF EXISTS "${role}"`);
});

describe("least-privilege app role", () => {
  it("reads and writes ordinary rows, and adds history", async () => {
    expect((await app.query("SELECT headline FROM revisions WHERE id = $1", [revisionId])).rows[0]).toEqual({
      headline: "As published",
    });
    await app.query("UPDATE users SET name = $1 WHERE id = $2", [`Renamed ${role}`, userId]);
    await app.query("INSERT INTO user_sessions (id, user_id) VALUES (gen_random_uuid(), $1)", [userId]);
    await app.query("INSERT INTO sign_in_limits (key, points, expire) VALUES ($1, 1, 0)", [`test:${role}`]);
    await app.query("DELETE FROM sign_in_limits WHERE key = $1", [`test:${role}`]);
  });

  it.each([
    [
      "update a revision",
      () => `UPDATE revisions SET headline = 'Silently changed' WHERE id = '${revisionId}'`,
    ],
    ["delete a revision", () => `DELETE FROM revisions WHERE id = '${revisionId}'`],
    ["truncate history", () => "TRUNCATE credits"],
    ["disable the append-only triggers", () => "ALTER TABLE revisions DISABLE TRIGGER revisions_append_only"],
    ["disable all triggers", () => "ALTER TABLE revisions DISABLE TRIGGER ALL"],
    ["drop the trigger", () => "DROP TRIGGER revisions_append_only ON revisions"],
    ["skip triggers as a replica", () => "SET session_replication_role = replica"],
    ["rewrite the migrations table", () => "DELETE FROM _prisma_migrations"],
    ["create a table", () => "CREATE TABLE sneaky (id int)"],
    [
      "plant text in search",
      () => `UPDATE search_documents SET names = 'planted' WHERE revision_id = '${revisionId}'`,
    ],
    ["take text out of search", () => `DELETE FROM search_documents WHERE revision_id = '${revisionId}'`],
    ["change the search language", () => "UPDATE search_settings SET language = 'simple'"],
  ])("cannot %s", async (_name, sql) => {
    // Guards issue 9.11: the app's role owned the tables, so it could switch the append-only triggers off.
    await expect(app.query(sql())).rejects.toThrow(/permission denied|must be owner/);
  });

  it("adds a revision, which the owner's search triggers index when it commits", async () => {
    const story = await app.query<{ id: string }>("SELECT story_id AS id FROM revisions WHERE id = $1", [
      revisionId,
    ]);
    await app.query("BEGIN");
    const added = await app.query<{ id: string }>(
      `INSERT INTO revisions (id, story_id, number, author_id, kind, summary, content_hash, headline, body)
       VALUES (gen_random_uuid(), $1, 2, $2, 'update', 'Second', 'h2', 'Indexed by the owner', 'Body') RETURNING id`,
      [story.rows[0]!.id, userId],
    );
    await app.query("UPDATE stories SET latest_revision_number = 2 WHERE id = $1", [story.rows[0]!.id]);
    await app.query("COMMIT");
    const { rows } = await app.query(
      "SELECT revision_number, current, document @@ websearch_to_tsquery('copydesk_search', 'indexed owner') AS found FROM search_documents WHERE revision_id = $1",
      [added.rows[0]!.id],
    );
    expect(rows).toEqual([{ revision_number: 2, current: true, found: true }]);
  });

  it("history is as it was", async () => {
    const { rows } = await app.query("SELECT headline FROM revisions WHERE id = $1", [revisionId]);
    expect(rows[0]).toEqual({ headline: "As published" });
    const triggers = await app.query(
      "SELECT tgenabled FROM pg_trigger WHERE tgname = 'revisions_append_only'",
    );
    expect(triggers.rows[0]).toEqual({ tgenabled: "O" });
  });

  it("refuses to treat the owner itself as the app role", async () => {
    const owner = decodeURIComponent(new URL(ownerUrl).username);
    await expect(grantAppRole({ ownerUrl, appRole: owner })).rejects.toThrow(/owns the database objects/);
  });
});
