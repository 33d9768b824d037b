import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";
import { readStory } from "@/lib/stories/read-story";
import { startFreezablePostgres, type FreezablePostgres } from "@/lib/testing/freezable-postgres";

import { disconnectDb, getDb } from "./client";
import { isDatabaseUnavailable } from "./connection-loss";

/** What a promise came to, without letting a rejection escape. */
function outcomeOf(
  promise: Promise<unknown>,
): Promise<{ settled: "resolved" } | { settled: "rejected"; error: unknown }> {
  return promise.then(
    () => ({ settled: "resolved" as const }),
    (error: unknown) => ({ settled: "rejected" as const, error }),
  );
}

describe("a database that stops answering (frozen with SIGSTOP, not refusing connections)", () => {
  let postgres: FreezablePostgres;
  let editor: Actor;
  let sharedDatabaseUrl: string | undefined;

  beforeAll(async () => {
    postgres = await startFreezablePostgres();
    sharedDatabaseUrl = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = postgres.databaseUrl;
    editor = await createTestActor({ role: "editor" });
    await createTestStory({ actor: editor, slug: "frozen-harbor" });
  }, 120_000);

  afterAll(async () => {
    // Before anything waits on its connections (a test that failed midway may have left it frozen).
    postgres?.thaw();
    await disconnectDb();
    process.env.DATABASE_URL = sharedDatabaseUrl;
    await postgres?.stop();
  }, 60_000);

  // Guards the bug where a read and a save waited as long as the database stayed frozen (71–75 s in the
  // issue).
  it("a read and a save give up as unavailable while it is frozen, and both work again once it answers", async () => {
    // Connections are open and idle in the pool before the freeze, as on a running instance.
    await Promise.all([readStory({ slug: "frozen-harbor" }), getDb().$queryRaw`SELECT 1`]);
    await postgres.freeze();
    let whileFrozen;
    try {
      whileFrozen = await Promise.all([
        outcomeOf(readStory({ slug: "frozen-harbor" })),
        outcomeOf(
          saveRevision({
            actor: editor,
            slug: "frozen-harbor",
            input: { baseRevision: 1, summary: "During the freeze", body: "Written while frozen." },
          }),
        ),
      ]);
    } finally {
      postgres.thaw();
    }
    // Both settled before the thaw above: they gave up instead of waiting for the database.
    for (const outcome of whileFrozen) {
      expect(outcome.settled).toBe("rejected");
      if (outcome.settled === "rejected")
        expect(isDatabaseUnavailable(outcome.error), String(outcome.error)).toBe(true);
    }

    const { story } = await readStory({ slug: "frozen-harbor" });
    expect(story.latestRevisionNumber).toBe(1);
    const saved = await saveRevision({
      actor: editor,
      slug: "frozen-harbor",
      input: { baseRevision: 1, summary: "After the freeze", body: "Written after the thaw." },
    });
    expect(saved.revision.number).toBe(2);
  }, 120_000);
});
