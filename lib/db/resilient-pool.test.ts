import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { authenticateApiToken, createApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";
import { readStory } from "@/lib/stories/story";
import { terminateOwnConnections } from "@/lib/testing/kill-storm";

import { getDb } from "./client";
import { isReadOnlyStatement } from "./resilient-pool";

describe("a database that dropped every connection", () => {
  let editor: Actor;
  let token: string;
  let killer: pg.Client;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    ({ token } = await createApiToken({
      userId: editor.userId,
      name: "Dropped connections",
      actor: "system",
    }));
    await authenticateApiToken({ token });
    killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    return () => killer.end();
  });

  // Guards the bug where the pool handed out connections the server had closed, so requests failed with
  // 57P01.
  it("serves the next 20 reads and writes after every connection was terminated once", async () => {
    for (const index of [0, 1, 2, 3, 4])
      await createTestStory({ actor: editor, slug: `after-restart-${index}` });
    // Open several connections, so the pool holds many that the server is about to close.
    await Promise.all(
      Array.from({ length: 8 }, () => getDb().$queryRaw`SELECT pg_sleep(0.05)::text AS slept`),
    );
    expect(await terminateOwnConnections({ killer })).toBeGreaterThanOrEqual(2);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => {
        const slug = `after-restart-${Math.floor(index / 4)}`;
        if (index % 4 === 1)
          return saveRevision({
            actor: editor,
            slug,
            input: {
              baseRevision: 1,
              summary: "After the restart",
              body: `Saved after the restart (${index}).`,
            },
          });
        if (index % 4 === 2)
          return authenticateApiToken({ token }).then((actor) => expect(actor?.userId).toBe(editor.userId));
        if (index % 4 === 3) return listRevisions({ actor: editor, slug });
        return readStory({ slug });
      }),
    );

    const failures = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [String(outcome.reason)] : [],
    );
    expect(failures).toEqual([]);
    for (const index of [0, 1, 2, 3, 4]) {
      const { story } = await readStory({ slug: `after-restart-${index}` });
      expect(story.latestRevisionNumber).toBe(2);
    }
  });
});

describe("isReadOnlyStatement", () => {
  it.each([
    ['SELECT "id" FROM "users" WHERE "id" = $1', true],
    ["WITH t AS (SELECT 1) SELECT * FROM t", true],
    ["SELECT id FROM stories WHERE slug = $1 FOR UPDATE", false],
    ['INSERT INTO "api_tokens" ("id") VALUES ($1) RETURNING "id"', false],
    ["WITH moved AS (UPDATE stories SET status = 'draft' RETURNING id) SELECT * FROM moved", false],
    ["SELECT nextval('story_numbers')", false],
    ["SELECT pg_advisory_lock(1)", false],
  ])("%s → %s", (sql, expected) => {
    expect(isReadOnlyStatement(sql)).toBe(expected);
  });
});
