import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { republishStory, unpublishStory } from "@/lib/stories/story-status";

import { publishRevision } from "./publish-revision";
import { restoreRevision, restoreSummary } from "./restore-revision";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory, historyCounts } from "./test-stories";

describe("publishing, restoring and the story's status", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("moves 'Updated' for a published material update, never for a minor fix or a draft", async () => {
    const created = await createTestStory({ actor: editor, slug: "updated-line", publish: true });
    expect(created.story.lastMaterialUpdateAt).toBeNull();
    const draft = await saveRevision({
      actor: editor,
      slug: "updated-line",
      input: { baseRevision: 1, summary: "Draft", body: "Draft body." },
    });
    expect(draft.story).toMatchObject({
      liveRevisionNumber: 1,
      lastMaterialUpdateAt: null,
      status: "published",
    });
    const update = await saveRevision({
      actor: editor,
      slug: "updated-line",
      input: { baseRevision: 2, summary: "New facts", body: "New facts.", publish: true },
    });
    expect(update.story.liveRevisionNumber).toBe(3);
    expect(update.story.lastMaterialUpdateAt).toBe(update.revision.publishedAt);
    const minor = await saveRevision({
      actor: editor,
      slug: "updated-line",
      input: { baseRevision: 3, kind: "minor", body: "New facts!", publish: true },
    });
    expect(minor.revision).toMatchObject({ kind: "minor", published: true, summary: null });
    expect(minor.story.liveRevisionNumber).toBe(4);
    expect(minor.story.lastMaterialUpdateAt).toBe(update.revision.publishedAt);
    const correction = await saveRevision({
      actor: editor,
      slug: "updated-line",
      input: {
        baseRevision: 4,
        kind: "correction",
        summary: "Fix name",
        note: "An earlier version misspelled the mayor's name.",
        body: "Corrected.",
        publish: true,
      },
    });
    expect(correction.revision.publicNote).toBe("An earlier version misspelled the mayor's name.");
    expect(correction.story.lastMaterialUpdateAt).toBe(correction.revision.publishedAt);
    expect(correction.story.firstPublishedAt).toBe(created.revision.publishedAt);
  });

  it("publishes a contributor's submitted draft as a new revision by the editor", async () => {
    await createTestStory({ actor: editor, slug: "submitted", publish: true });
    await saveRevision({
      actor: contributor,
      slug: "submitted",
      input: { baseRevision: 1, summary: "Adds quotes", body: "With quotes." },
    });
    const refused = await appErrorOf(publishRevision({ actor: contributor, slug: "submitted", number: 2 }));
    expect(refused.code).toBe("forbidden");
    const published = await publishRevision({
      actor: editor,
      slug: "submitted",
      number: 2,
      summary: "Adds the mayor's quotes",
    });
    expect(published.outcome).toBe("created");
    expect(published.revision).toMatchObject({
      number: 3,
      baseNumber: 2,
      kind: "update",
      published: true,
      author: { id: editor.userId },
    });
    expect(published.revision.summary).toBe("Adds the mayor's quotes");
    expect(published.revision.content.body).toBe("With quotes.");
    expect(published.story).toMatchObject({ liveRevisionNumber: 3, latestRevisionNumber: 3 });
    expect((await publishRevision({ actor: editor, slug: "submitted", number: 3 })).outcome).toBe(
      "unchanged",
    );
  });

  it("publishes unchanged content when the newest revision is an unpublished draft, instead of answering 'unchanged'", async () => {
    await createTestStory({ actor: editor, slug: "publish-as-is", publish: true });
    await saveRevision({
      actor: contributor,
      slug: "publish-as-is",
      input: { baseRevision: 1, summary: "Draft", body: "Drafted." },
    });
    const published = await saveRevision({
      actor: editor,
      slug: "publish-as-is",
      input: { baseRevision: 2, summary: "Publishing the draft", publish: true },
    });
    expect(published.outcome).toBe("created");
    expect(published.revision).toMatchObject({ number: 3, published: true, content: { body: "Drafted." } });
    const again = await saveRevision({
      actor: editor,
      slug: "publish-as-is",
      input: { baseRevision: 3, summary: "Again", publish: true },
    });
    expect(again.outcome).toBe("unchanged");
  });

  it("publishes a never-published story's draft as its first version", async () => {
    await createTestStory({ actor: contributor, slug: "first-out" });
    const published = await publishRevision({ actor: editor, slug: "first-out", number: 1 });
    expect(published.revision).toMatchObject({ number: 2, kind: "initial", published: true });
    expect(published.story.firstPublishedAt).toBe(published.revision.publishedAt);
    expect(published.story.lastMaterialUpdateAt).toBeNull();
  });

  it("refuses to publish a draft that later revisions changed, with a merge proposal, writing nothing", async () => {
    await createTestStory({ actor: editor, slug: "overtaken", publish: true, body: "One.\n\nTwo." });
    await saveRevision({
      actor: contributor,
      slug: "overtaken",
      input: { baseRevision: 1, summary: "Draft", body: "One, drafted.\n\nTwo." },
    });
    await saveRevision({
      actor: editor,
      slug: "overtaken",
      input: { baseRevision: 2, summary: "Editor", body: "One.\n\nTwo, edited.", publish: true },
    });
    const before = await historyCounts({ slug: "overtaken" });
    const error = await appErrorOf(publishRevision({ actor: editor, slug: "overtaken", number: 2 }));
    expect(error.code).toBe("conflict");
    expect(error.details).toMatchObject({ latestRevision: 3, merge: { clean: expect.any(Boolean) } });
    expect(await historyCounts({ slug: "overtaken" })).toEqual(before);
  });

  it("restores an earlier revision as a new 'restore' revision, keeping history whole", async () => {
    await createTestStory({ actor: editor, slug: "restore-me", publish: true, body: "Original." });
    await saveRevision({
      actor: editor,
      slug: "restore-me",
      input: { baseRevision: 1, summary: "Rewrite", body: "Rewritten.", publish: true },
    });
    const refused = await appErrorOf(restoreRevision({ actor: contributor, slug: "restore-me", number: 1 }));
    expect(refused.code).toBe("forbidden");
    const restored = await restoreRevision({ actor: editor, slug: "restore-me", number: 1, publish: true });
    expect(restored.revision).toMatchObject({
      number: 3,
      kind: "restore",
      baseNumber: 2,
      summary: restoreSummary,
      published: true,
    });
    expect(restored.revision.content.body).toBe("Original.");
    expect(restored.story.lastMaterialUpdateAt).toBe(restored.revision.publishedAt);
    expect(await getDb().revision.count({ where: { story: { slug: "restore-me" } } })).toBe(3);
    expect((await restoreRevision({ actor: editor, slug: "restore-me", number: 1 })).outcome).toBe(
      "unchanged",
    );
    const draft = await restoreRevision({
      actor: editor,
      slug: "restore-me",
      number: 2,
      summary: "Back to the rewrite",
    });
    expect(draft.revision).toMatchObject({ number: 4, published: false, summary: "Back to the rewrite" });
    expect(draft.story.liveRevisionNumber).toBe(3);
  });

  it("records unpublish and republish in the status history without moving 'Updated'", async () => {
    const created = await createTestStory({ actor: editor, slug: "pulled", publish: true });
    await saveRevision({
      actor: editor,
      slug: "pulled",
      input: { baseRevision: 1, summary: "Update", body: "Update.", publish: true },
    });
    const refused = await appErrorOf(
      unpublishStory({ actor: contributor, slug: "pulled", reason: "Legal review" }),
    );
    expect(refused.code).toBe("forbidden");
    const before = await getDb().story.findUniqueOrThrow({ where: { slug: "pulled" } });
    const missingReason = await appErrorOf(unpublishStory({ actor: editor, slug: "pulled", reason: " " }));
    expect(missingReason.details).toMatchObject({ fields: [{ path: "reason" }] });

    const pulled = await unpublishStory({ actor: editor, slug: "pulled", reason: "Legal review" });
    expect(pulled).toMatchObject({ status: "unpublished", liveRevisionNumber: 2 });
    expect((await appErrorOf(unpublishStory({ actor: editor, slug: "pulled", reason: "Again" }))).code).toBe(
      "unprocessable",
    );
    expect(
      (await appErrorOf(republishStory({ actor: contributor, slug: "pulled", reason: "Cleared" }))).code,
    ).toBe("forbidden");
    const back = await republishStory({ actor: editor, slug: "pulled", reason: "Legal cleared it" });
    expect(back).toMatchObject({
      status: "published",
      liveRevisionNumber: 2,
      firstPublishedAt: created.story.firstPublishedAt,
    });
    expect(back.lastMaterialUpdateAt).toBe(before.lastMaterialUpdateAt?.toISOString());

    const events = await getDb().storyStatusEvent.findMany({
      where: { storyId: before.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.action, event.revisionNumber, event.reason])).toEqual([
      ["publish", 1, null],
      ["publish", 2, null],
      ["unpublish", 2, "Legal review"],
      ["republish", 2, "Legal cleared it"],
    ]);
    expect(await getDb().revision.count({ where: { storyId: before.id } })).toBe(2);
  });

  it("refuses to unpublish a story that was never published", async () => {
    await createTestStory({ actor: editor, slug: "never-out" });
    expect((await appErrorOf(unpublishStory({ actor: editor, slug: "never-out", reason: "x" }))).code).toBe(
      "unprocessable",
    );
    expect((await appErrorOf(republishStory({ actor: editor, slug: "never-out", reason: "x" }))).code).toBe(
      "unprocessable",
    );
  });
});
