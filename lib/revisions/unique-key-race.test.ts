import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";

import { publishRevision } from "./publish-revision";
import { restoreRevision } from "./restore-revision";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory } from "./test-stories";

/**
 * Two requests with one Idempotency-Key that both looked for the key before either committed. The story's
 * lock makes that rare, so the first request's transaction is played by hand: its revision carrying the key
 * is inserted and held uncommitted while the real request looks (finds nothing), reaches its own INSERT and
 * waits there on the unique index; then the first commits, and the real request meets the unique key (P2002).
 */
async function raceOnKey(options: {
  slug: string;
  key: string;
  /** What the first request's fingerprint was: null answers any retry, anything else is another request. */
  fingerprint: string | null;
  request: () => Promise<unknown>;
}): Promise<{ first: number; second: Promise<unknown> }> {
  const db = getDb();
  const story = await db.story.findUniqueOrThrow({ where: { slug: options.slug } });
  const first = story.latestRevisionNumber + 1;
  let commit!: () => void;
  const held = new Promise<void>((resolve) => (commit = resolve));
  let inserted!: () => void;
  const wrote = new Promise<void>((resolve) => (inserted = resolve));
  const firstRequest = db.$transaction(
    async (tx) => {
      // Without the foreign-key check's share lock on the story row, which would queue the real request at
      // the story's lock instead of at its INSERT.
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`
        INSERT INTO revisions (id, story_id, number, created_at, author_id, base_number, kind, summary, public_note,
                               published_at, content_hash, idempotency_key, request_fingerprint, carried_notes,
                               removed_notes, headline, dek, byline, body, images, developing)
        SELECT gen_random_uuid(), story_id, ${first}, clock_timestamp(), author_id, number, kind, summary, public_note,
               clock_timestamp(), content_hash, ${options.key}, ${options.fingerprint}, carried_notes,
               removed_notes, headline, dek, byline, body, images, developing
          FROM revisions WHERE story_id = ${story.id}::uuid AND number = ${story.latestRevisionNumber}`;
      inserted();
      await held;
    },
    { timeout: 30_000 },
  );
  await wrote;
  const second = options.request();
  // Awaited by the test; until then a refusal must not count as unhandled.
  second.catch(() => {});
  // The real request is waiting on the first one's uncommitted key.
  await expect
    .poll(
      async () =>
        (
          await db.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`
        )[0]?.waiting,
      { timeout: 10_000, interval: 50 },
    )
    .toBeGreaterThan(0);
  commit();
  await firstRequest;
  return { first, second };
}

// Regression guard: publish/restore didn't handle the unique-key race (only save did), so the loser got a 500.
describe("two requests racing with one Idempotency-Key", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  async function storyWithDraft(slug: string): Promise<void> {
    await createTestStory({ actor: editor, slug, publish: true });
    await saveRevision({
      actor: editor,
      slug,
      input: { baseRevision: 1, summary: "Adds the verdict", body: "The verdict." },
    });
  }

  it("a publish that loses the race writes nothing and answers with the winner's revision", async () => {
    await storyWithDraft("race-publish");
    const { first, second } = await raceOnKey({
      slug: "race-publish",
      key: "race-publish-key",
      fingerprint: null,
      request: () =>
        publishRevision({
          actor: editor,
          slug: "race-publish",
          number: 2,
          summary: "Adds the verdict",
          idempotencyKey: "race-publish-key",
        }),
    });
    expect(await second).toMatchObject({ outcome: "created", revision: { number: first } });
    expect(await getDb().revision.count({ where: { story: { slug: "race-publish" } } })).toBe(first);
  });

  it("a restore that loses the race writes nothing and answers with the winner's revision", async () => {
    await storyWithDraft("race-restore");
    const { first, second } = await raceOnKey({
      slug: "race-restore",
      key: "race-restore-key",
      fingerprint: null,
      request: () =>
        restoreRevision({
          actor: editor,
          slug: "race-restore",
          number: 1,
          idempotencyKey: "race-restore-key",
        }),
    });
    expect(await second).toMatchObject({ outcome: "created", revision: { number: first } });
    expect(await getDb().revision.count({ where: { story: { slug: "race-restore" } } })).toBe(first);
  });

  it("a different request that loses the race with a reused key is refused", async () => {
    await storyWithDraft("race-reused");
    const { second } = await raceOnKey({
      slug: "race-reused",
      key: "race-reused-key",
      fingerprint: "another request",
      request: () =>
        publishRevision({
          actor: editor,
          slug: "race-reused",
          number: 2,
          summary: "Adds the verdict",
          idempotencyKey: "race-reused-key",
        }),
    });
    expect((await appErrorOf(second)).code).toBe("unprocessable");
  });
});
