import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";
import { processParts } from "@/lib/server/process-wiring.mjs";
import { republishStory, unpublishStory, withdrawStory } from "@/lib/stories/story-status";

import {
  catchUpNow,
  ensureInvalidationListener,
  listenerApplicationName,
  stopInvalidationListener,
} from "./invalidation-listener";
import { memoTicket, memoTrusted, recallPublicResponse, rememberPublicResponse } from "./public-memo";
import { makeEntry } from "./public-representation";

let owner: pg.Client;

async function rows(slug: string): Promise<number> {
  const { rows: found } = await owner.query<{ count: string }>(
    "SELECT count(*)::text AS count FROM public_invalidations WHERE slug = $1",
    [slug],
  );
  return Number(found[0]!.count);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
});

afterAll(async () => {
  await stopInvalidationListener();
  await owner.end();
});

describe("public_invalidations, written by the change's own transaction", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("records every change readers can see, and nothing for drafts", async () => {
    const slug = "noted-changes";
    await createTestStory({ actor: editor, slug });
    await saveRevision({
      actor: editor,
      slug,
      input: { baseRevision: 1, summary: "Draft work", body: "Draft only." },
    });
    expect(await rows(slug)).toBe(0);
    await publishRevision({ actor: editor, slug, number: 2, summary: "First publish" });
    expect(await rows(slug)).toBe(1);
    // A draft saved on a published story changes nothing readers see.
    await saveRevision({
      actor: editor,
      slug,
      input: { baseRevision: 3, summary: "Unpublished draft", body: "Not yet." },
    });
    expect(await rows(slug)).toBe(1);
    await saveRevision({
      actor: editor,
      slug,
      input: {
        baseRevision: 4,
        kind: "correction",
        summary: "Fixes the name",
        note: "An earlier version misspelled the mayor's name.",
        body: "Fixed.",
        publish: true,
      },
    });
    expect(await rows(slug)).toBe(2);
    await unpublishStory({ actor: editor, slug, reason: "Legal asked" });
    expect(await rows(slug)).toBe(3);
    await republishStory({ actor: editor, slug, reason: "Cleared" });
    expect(await rows(slug)).toBe(4);
    await withdrawStory({
      actor: editor,
      slug,
      input: { note: "This story has been withdrawn because its source could not be confirmed." },
    });
    expect(await rows(slug)).toBe(5);
  });

  it("records nothing for a change that is refused or rolled back", async () => {
    const slug = "refused-change";
    await createTestStory({ actor: editor, slug, publish: true });
    const before = await rows(slug);
    await expect(
      unpublishStory({ actor: contributor, slug, reason: "Not mine to pull" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await owner.query("BEGIN");
    await owner.query("UPDATE stories SET developing = NOT developing WHERE slug = $1", [slug]);
    await owner.query("ROLLBACK");
    expect(await rows(slug)).toBe(before);
    await owner.query("UPDATE stories SET developing = NOT developing WHERE slug = $1", [slug]);
    expect(await rows(slug)).toBe(before + 1);
  });
});

describe("the invalidation listener", () => {
  async function keep(key: string, tag: string) {
    const ticket = memoTicket({ key, tags: [tag] });
    const entry = await makeEntry({
      status: 200,
      headers: { "content-type": "text/html" },
      body: `<p>${key}</p>`,
      tags: [tag],
    });
    expect(rememberPublicResponse({ ticket, entry, maxBytes: 1_000_000 })).toBe(true);
  }

  it("drops kept pages when another instance's change is heard of, and catches up after losing its connection", async () => {
    const editor = await createTestActor({ role: "editor" });
    await createTestStory({ actor: editor, slug: "heard-change", publish: true });
    await ensureInvalidationListener();
    await expect.poll(() => memoTrusted(), { timeout: 10_000 }).toBe(true);

    await keep("http://news.example/stories/heard-change", "public:story:heard-change");
    // Another instance's change: a plain UPDATE on another connection, as its transaction would commit it.
    await owner.query("UPDATE stories SET developing = NOT developing WHERE slug = 'heard-change'");
    await expect
      .poll(() => recallPublicResponse({ key: "http://news.example/stories/heard-change" }), {
        timeout: 10_000,
      })
      .toBeNull();

    // The listener's connection dies: a change made meanwhile, whose NOTIFY nobody hears, is still caught up
    // on.
    await keep("http://news.example/stories/heard-change", "public:story:heard-change");
    await owner.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
      [listenerApplicationName],
    );
    await owner.query("UPDATE stories SET developing = NOT developing WHERE slug = 'heard-change'");
    await expect
      .poll(() => recallPublicResponse({ key: "http://news.example/stories/heard-change" }), {
        timeout: 10_000,
      })
      .toBeNull();
    await expect
      .poll(
        async () =>
          (
            await owner.query(
              "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
              [listenerApplicationName],
            )
          ).rowCount,
        { timeout: 10_000 },
      )
      .toBe(1);
  });

  // Guards: a change whose transaction drew the lower id but committed after a higher one was read was never
  // applied.
  it("applies a change that commits after a later-numbered change was already read", async () => {
    const editor = await createTestActor({ role: "editor" });
    await createTestStory({ actor: editor, slug: "slow-commit", publish: true });
    await createTestStory({ actor: editor, slug: "fast-commit", publish: true });
    await ensureInvalidationListener();
    await expect.poll(() => memoTrusted(), { timeout: 10_000 }).toBe(true);
    const slowKey = "http://news.example/stories/slow-commit";
    const fastKey = "http://news.example/stories/fast-commit";
    const slow = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      await slow.query("UPDATE stories SET developing = NOT developing WHERE slug = 'slow-commit'");
      await keep(fastKey, "public:story:fast-commit");
      await owner.query("UPDATE stories SET developing = NOT developing WHERE slug = 'fast-commit'");
      await expect.poll(() => recallPublicResponse({ key: fastKey }), { timeout: 10_000 }).toBeNull();
      await keep(slowKey, "public:story:slow-commit");
      await slow.query("COMMIT");
      await expect.poll(() => recallPublicResponse({ key: slowKey }), { timeout: 10_000 }).toBeNull();
    } finally {
      await slow.end();
    }
  });

  it("stops vouching for the memo soon after it can no longer catch up", async () => {
    await ensureInvalidationListener();
    await expect.poll(() => memoTrusted(), { timeout: 10_000 }).toBe(true);
    // A request that finds the window lapsed catches up at once, instead of rendering from the database.
    processParts.publicMemo!.trustedUntil = 0;
    expect(memoTrusted()).toBe(false);
    await catchUpNow();
    expect(memoTrusted()).toBe(true);
    await stopInvalidationListener();
    await expect.poll(() => memoTrusted(), { timeout: 10_000 }).toBe(false);
  });
});
