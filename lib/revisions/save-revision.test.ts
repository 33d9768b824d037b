import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";

import { getRevision } from "./get-revision";
import type { ContentMerge } from "./merge/content-merge-types";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory, historyCounts } from "./test-stories";

describe("saveRevision", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("carries over fields left out and starts from the base's credits", async () => {
    await createTestStory({ actor: editor, slug: "carry-over" });
    const result = await saveRevision({
      actor: editor,
      slug: "carry-over",
      input: { baseRevision: 1, summary: "New dek", dek: "A new dek" },
    });
    expect(result.outcome).toBe("created");
    expect(result.revision).toMatchObject({
      number: 2,
      baseNumber: 1,
      kind: "update",
      published: false,
      summary: "New dek",
    });
    expect(result.revision.content).toMatchObject({
      headline: "Headline of carry-over",
      dek: "A new dek",
      body: "First paragraph.\n\nSecond paragraph.",
      developing: true,
    });
    expect(result.revision.credits.map((credit) => credit.name)).toEqual(["Test Reporter"]);
    expect(result.story).toMatchObject({
      latestRevisionNumber: 2,
      liveRevisionNumber: null,
      status: "draft",
    });

    const image = {
      url: "https://example.test/pier.jpg",
      alt: "The pier",
      caption: "The pier at noon.",
      credit: "Ana Ruiz/Harbor Wire",
    };
    await saveRevision({
      actor: editor,
      slug: "carry-over",
      input: { baseRevision: 2, summary: "Photo", images: [image] },
    });
    const third = await saveRevision({
      actor: editor,
      slug: "carry-over",
      input: { baseRevision: 3, summary: "Headline", headline: "New headline" },
    });
    expect(third.revision.content.images).toEqual([image]);
    expect((await getRevision({ actor: editor, slug: "carry-over", number: 3 })).content.images).toEqual([
      image,
    ]);
  });

  it("answers 'unchanged' for content identical to the newest revision and writes nothing", async () => {
    await createTestStory({ actor: editor, slug: "same-again" });
    const before = await historyCounts({ slug: "same-again" });
    const result = await saveRevision({
      actor: editor,
      slug: "same-again",
      input: { baseRevision: 1, summary: "No real change", headline: "Headline of same-again" },
    });
    expect(result.outcome).toBe("unchanged");
    expect(result.revision.number).toBe(1);
    expect(await historyCounts({ slug: "same-again" })).toEqual(before);
  });

  it("returns the same revision for a retried idempotency key, never a second one", async () => {
    await createTestStory({ actor: editor, slug: "retry" });
    const input = { baseRevision: 1, summary: "Adds a line", body: "One more line." };
    const first = await saveRevision({ actor: editor, slug: "retry", input, idempotencyKey: "key-1" });
    const again = await saveRevision({ actor: editor, slug: "retry", input, idempotencyKey: "key-1" });
    expect(first.outcome).toBe("created");
    expect(again).toMatchObject({
      outcome: "created",
      revision: { number: 2, createdAt: first.revision.createdAt },
    });
    const concurrent = await Promise.all(
      Array.from({ length: 8 }, () =>
        saveRevision({
          actor: editor,
          slug: "retry",
          input: { ...input, baseRevision: 2, body: "Third." },
          idempotencyKey: "key-2",
        }),
      ),
    );
    expect(new Set(concurrent.map((result) => result.revision.number))).toEqual(new Set([3]));
    expect(await getDb().revision.count({ where: { story: { slug: "retry" } } })).toBe(3);
  });

  it("refuses a stale base with what changed since and a three-way merge proposal", async () => {
    await createTestStory({ actor: editor, slug: "stale", body: "Alpha para.\n\nBeta para.\n\nGamma para." });
    await saveRevision({
      actor: editor,
      slug: "stale",
      input: {
        baseRevision: 1,
        summary: "Edits alpha",
        body: "Alpha para, edited.\n\nBeta para.\n\nGamma para.",
      },
    });
    const before = await historyCounts({ slug: "stale" });
    const error = await appErrorOf(
      saveRevision({
        actor: contributor,
        slug: "stale",
        input: {
          baseRevision: 1,
          summary: "Edits gamma",
          body: "Alpha para.\n\nBeta para.\n\nGamma para, edited.",
        },
      }),
    );
    expect(error.code).toBe("conflict");
    const details = error.details as {
      baseRevision: number;
      latestRevision: number;
      changedSince: { changed: boolean };
      merge: ContentMerge;
    };
    expect(details.baseRevision).toBe(1);
    expect(details.latestRevision).toBe(2);
    expect(details.changedSince.changed).toBe(true);
    expect(details.merge.clean).toBe(true);
    expect(details.merge.merged.body).toBe("Alpha para, edited.\n\nBeta para.\n\nGamma para, edited.");
    expect(await historyCounts({ slug: "stale" })).toEqual(before);
  });

  it("returns overlapping edits as explicit conflicts with both sides", async () => {
    await createTestStory({ actor: editor, slug: "overlap", body: "Only paragraph." });
    await saveRevision({
      actor: editor,
      slug: "overlap",
      input: { baseRevision: 1, summary: "Theirs", body: "Only paragraph, their way." },
    });
    const error = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "overlap",
        input: { baseRevision: 1, summary: "Ours", body: "Only paragraph, our way." },
      }),
    );
    const merge = (error.details as { merge: ContentMerge }).merge;
    expect(merge.clean).toBe(false);
    expect(merge.conflicts).toEqual([
      expect.objectContaining({
        field: "body",
        ours: "Only paragraph, our way.",
        theirs: "Only paragraph, their way.",
      }),
    ]);
  });

  it("refuses a future base, a missing correction note and unknown fields, changing nothing", async () => {
    await createTestStory({ actor: editor, slug: "bad-input" });
    const before = await historyCounts({ slug: "bad-input" });
    const future = await appErrorOf(
      saveRevision({ actor: editor, slug: "bad-input", input: { baseRevision: 5, summary: "x", body: "y" } }),
    );
    expect(future.code).toBe("unprocessable");
    expect(future.details).toMatchObject({ fields: [{ path: "baseRevision" }] });
    const noNote = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "bad-input",
        input: { baseRevision: 1, kind: "correction", summary: "Fix", body: "y" },
      }),
    );
    expect(noNote.code).toBe("validation_failed");
    expect(noNote.details).toMatchObject({ fields: [{ path: "note" }] });
    const unknown = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "bad-input",
        input: { baseRevision: 1, summary: "x", status: "published" },
      }),
    );
    expect(unknown.code).toBe("validation_failed");
    const noSummary = await appErrorOf(
      saveRevision({ actor: editor, slug: "bad-input", input: { baseRevision: 1, body: "y" } }),
    );
    expect(noSummary.details).toMatchObject({ fields: [{ path: "summary" }] });
    const badContributor = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "bad-input",
        input: {
          baseRevision: 1,
          summary: "x",
          credits: [{ contributorId: "00000000-0000-4000-8000-000000000000", role: "byline" }],
        },
      }),
    );
    expect(badContributor.details).toMatchObject({ fields: [{ path: "credits.0.contributorId" }] });
    const badKey = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "bad-input",
        input: { baseRevision: 1, summary: "x", body: "z" },
        idempotencyKey: "has space",
      }),
    );
    expect(badKey.code).toBe("bad_request");
    expect(await historyCounts({ slug: "bad-input" })).toEqual(before);
    expect(
      (
        await appErrorOf(
          saveRevision({ actor: editor, slug: "no-such-story", input: { baseRevision: 1, summary: "x" } }),
        )
      ).code,
    ).toBe("not_found");
  });

  it("lets a contributor save a draft but refuses their publish, writing nothing", async () => {
    await createTestStory({ actor: editor, slug: "contributor-draft", publish: true });
    const before = await historyCounts({ slug: "contributor-draft" });
    const refused = await appErrorOf(
      saveRevision({
        actor: contributor,
        slug: "contributor-draft",
        input: { baseRevision: 1, summary: "Mine", body: "Mine.", publish: true },
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect(await historyCounts({ slug: "contributor-draft" })).toEqual(before);
    const draft = await saveRevision({
      actor: contributor,
      slug: "contributor-draft",
      input: { baseRevision: 1, summary: "Mine", body: "Mine." },
    });
    expect(draft.revision).toMatchObject({ number: 2, published: false, author: { id: contributor.userId } });
    expect(draft.story.liveRevisionNumber).toBe(1);
  });

  it("credits by contributor id and keeps the order given", async () => {
    await createTestStory({ actor: editor, slug: "by-id" });
    const reporter = await getDb().contributor.findUniqueOrThrow({ where: { name: "Test Reporter" } });
    const result = await saveRevision({
      actor: editor,
      slug: "by-id",
      input: {
        baseRevision: 1,
        summary: "Credits",
        credits: [
          { name: "New Person", role: "editing" },
          { contributorId: reporter.id, role: "byline", location: "Lakeside" },
        ],
      },
    });
    expect(result.revision.credits).toEqual([
      expect.objectContaining({ name: "New Person", role: "editing", location: null }),
      { contributorId: reporter.id, name: "Test Reporter", role: "byline", location: "Lakeside" },
    ]);
  });
});
