import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { readPublicChangeLog } from "@/lib/public/public-change-log";
import { readPublishedStory } from "@/lib/public/published-story";
import { renderStoryFeed } from "@/lib/render/feeds";
import { createStory } from "@/lib/revisions/create-story";
import { republishStory, unpublishStory, withdrawStory } from "@/lib/stories/story-status";

import { publishRevision } from "./publish-revision";
import { restoreRevision } from "./restore-revision";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory, historyCounts } from "./test-stories";

let editor: Actor;
let otherEditor: Actor;
let contributor: Actor;

beforeAll(async () => {
  editor = await createTestActor({ role: "editor" });
  otherEditor = await createTestActor({ role: "editor" });
  contributor = await createTestActor({ role: "contributor" });
});

async function latest(slug: string): Promise<number> {
  return (await getDb().story.findUniqueOrThrow({ where: { slug }, select: { latestRevisionNumber: true } }))
    .latestRevisionNumber;
}

async function save(actor: Actor, slug: string, input: Record<string, unknown>, idempotencyKey?: string) {
  return saveRevision({ actor, slug, input: { baseRevision: await latest(slug), ...input }, idempotencyKey });
}

describe("a story that was pulled stays pulled until it is republished with a reason", () => {
  it("refuses publishing by save, draft publish and restore while unpublished, and writes nothing", async () => {
    // Guards: a plain update through the API put an unpublished story back live.
    await createTestStory({ actor: editor, slug: "pulled-stays", publish: true });
    await unpublishStory({ actor: editor, slug: "pulled-stays", reason: "Legal asked us to pull it" });
    const before = await historyCounts({ slug: "pulled-stays" });
    const bySave = await appErrorOf(
      save(editor, "pulled-stays", { summary: "Update", body: "New.", publish: true }),
    );
    expect(bySave.code).toBe("conflict");
    expect(bySave.userMessage).toMatch(/unpublished.*republish/i);
    expect(
      (
        await appErrorOf(
          publishRevision({ actor: editor, slug: "pulled-stays", number: 1, summary: "Again" }),
        )
      ).code,
    ).toBe("conflict");
    expect(await historyCounts({ slug: "pulled-stays" })).toEqual(before);

    const draft = await save(editor, "pulled-stays", {
      summary: "Fixing while down",
      body: "Fixed while down.",
    });
    expect(draft.story.status).toBe("unpublished");
    expect(
      (await appErrorOf(restoreRevision({ actor: editor, slug: "pulled-stays", number: 1, publish: true })))
        .code,
    ).toBe("conflict");
    expect(
      (
        await appErrorOf(
          publishRevision({ actor: editor, slug: "pulled-stays", number: 2, summary: "Fixed" }),
        )
      ).code,
    ).toBe("conflict");
    expect((await getDb().story.findUniqueOrThrow({ where: { slug: "pulled-stays" } })).status).toBe(
      "unpublished",
    );
  });

  it("republishes only with a reason, which joins the status history", async () => {
    await createTestStory({ actor: editor, slug: "back-with-reason", publish: true });
    await unpublishStory({ actor: editor, slug: "back-with-reason", reason: "Legal review" });
    const noReason = await appErrorOf(
      republishStory({ actor: editor, slug: "back-with-reason", reason: "  " }),
    );
    expect(noReason.details).toMatchObject({ fields: [{ path: "reason" }] });
    expect(
      (await appErrorOf(republishStory({ actor: contributor, slug: "back-with-reason", reason: "Cleared" })))
        .code,
    ).toBe("forbidden");
    const back = await republishStory({
      actor: editor,
      slug: "back-with-reason",
      reason: "Legal cleared it",
    });
    expect(back.status).toBe("published");
    const events = await getDb().storyStatusEvent.findMany({
      where: { story: { slug: "back-with-reason" } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.action, event.reason])).toEqual([
      ["publish", null],
      ["unpublish", "Legal review"],
      ["republish", "Legal cleared it"],
    ]);
    expect(
      (await save(editor, "back-with-reason", { summary: "After", body: "After.", publish: true })).story
        .status,
    ).toBe("published");
  });
});

describe("publishing makes live every note saved since the live revision", () => {
  it("carries a contributor's correction draft when the editor publishes a later revision as an update", async () => {
    // Guards: a correction saved in a draft vanished when a later revision was published as an "update".
    await createTestStory({ actor: editor, slug: "carried-note", publish: true, body: "The mayor is 54." });
    await save(contributor, "carried-note", {
      kind: "correction",
      summary: "Fix age",
      note: "An earlier version misstated the mayor's age.",
      body: "The mayor is 45.",
    });
    await save(contributor, "carried-note", {
      kind: "update",
      summary: "DRAFT - ask Maria",
      body: "The mayor is 45.\n\nShe resigned.",
    });
    const published = await save(editor, "carried-note", {
      kind: "update",
      summary: "Adds the resignation",
      publish: true,
    });
    expect(published.revision.kind).toBe("correction");
    expect(published.revision.carriedNotes).toEqual([
      { revision: 2, kind: "correction", text: "An earlier version misstated the mayor's age." },
    ]);
    expect(published.story.lastMaterialUpdateAt).toBe(published.revision.publishedAt);
    const page = await readPublishedStory({ slug: "carried-note" });
    expect(page.article.notes.map((note) => [note.kind, note.text])).toEqual([
      ["correction", "An earlier version misstated the mayor's age."],
    ]);
    const log = await readPublicChangeLog({ slug: "carried-note" });
    expect(log.entries[0]).toMatchObject({
      kind: "correction",
      summary: "Adds the resignation",
      notes: [{ text: "An earlier version misstated the mayor's age." }],
    });
    expect(JSON.stringify(log)).not.toContain("ask Maria");
  });

  it("carries it when the draft is published from History as an update, raising the kind readers see", async () => {
    await createTestStory({ actor: editor, slug: "carried-by-draft", publish: true, body: "Ten ships." });
    await save(contributor, "carried-by-draft", {
      kind: "clarification",
      summary: "Clarify",
      note: "Ten includes two ferries.",
      body: "Ten ships, two of them ferries.",
    });
    const published = await publishRevision({
      actor: editor,
      slug: "carried-by-draft",
      number: 2,
      kind: "update",
      summary: "Says which ships are ferries",
    });
    expect(published.revision.kind).toBe("clarification");
    expect(
      (await readPublishedStory({ slug: "carried-by-draft" })).article.notes.map((note) => note.text),
    ).toEqual(["Ten includes two ferries."]);
  });

  it("lets the editor leave a pending note out on purpose, recording which and why", async () => {
    await createTestStory({ actor: editor, slug: "note-removed", publish: true, body: "Crest at 30 feet." });
    await save(contributor, "note-removed", {
      kind: "correction",
      summary: "Fix",
      note: "Wrong note text.",
      body: "Crest at 28 feet.",
    });
    const unknown = await appErrorOf(
      save(editor, "note-removed", {
        summary: "Fix",
        publish: true,
        removeNotes: [{ revision: 1, reason: "x" }],
      }),
    );
    expect(unknown.details).toMatchObject({ fields: [{ path: "removeNotes" }] });
    const noReason = await appErrorOf(
      save(editor, "note-removed", {
        summary: "Fix",
        publish: true,
        removeNotes: [{ revision: 2, reason: "" }],
      }),
    );
    expect(noReason.code).toBe("validation_failed");
    const published = await save(editor, "note-removed", {
      kind: "correction",
      summary: "Corrects the crest",
      note: "An earlier version misstated the crest.",
      publish: true,
      removeNotes: [{ revision: 2, reason: "The contributor's note named the wrong figure" }],
    });
    expect(published.revision.removedNotes).toEqual([
      {
        revision: 2,
        kind: "correction",
        text: "Wrong note text.",
        reason: "The contributor's note named the wrong figure",
      },
    ]);
    expect(
      (await readPublishedStory({ slug: "note-removed" })).article.notes.map((note) => note.text),
    ).toEqual(["An earlier version misstated the crest."]);
  });

  it("needs a public summary when pending work raises a minor publish to a material kind", async () => {
    await createTestStory({ actor: editor, slug: "raised-minor", publish: true });
    await save(contributor, "raised-minor", { kind: "update", summary: "internal", body: "New facts." });
    const error = await appErrorOf(save(editor, "raised-minor", { kind: "minor", publish: true }));
    expect(error.details).toMatchObject({ fields: [{ path: "summary" }] });
  });
});

describe("publishing twice changes nothing", () => {
  it("answers 'unchanged' for a draft published a second time, with no new revision and no moved 'Updated'", async () => {
    // Guards: publishing the same draft again (second tab) appended another revision and moved "Updated".
    await createTestStory({ actor: editor, slug: "twice-published", publish: true });
    await save(contributor, "twice-published", {
      kind: "correction",
      summary: "Fix",
      note: "An earlier version erred.",
      body: "Fixed.",
    });
    const first = await publishRevision({
      actor: editor,
      slug: "twice-published",
      number: 2,
      summary: "Fixes it",
    });
    const counts = await historyCounts({ slug: "twice-published" });
    const again = await publishRevision({
      actor: editor,
      slug: "twice-published",
      number: 2,
      summary: "Fixes it",
    });
    expect(again.outcome).toBe("unchanged");
    expect(await historyCounts({ slug: "twice-published" })).toEqual(counts);
    const resent = await save(editor, "twice-published", {
      kind: "correction",
      summary: "Fix",
      note: "An earlier version erred.",
      publish: true,
    });
    expect(resent.outcome).toBe("unchanged");
    expect((await readPublishedStory({ slug: "twice-published" })).article.notes).toHaveLength(1);
    expect(first.story.lastMaterialUpdateAt).toBe(
      (await historyCounts({ slug: "twice-published" })).story.lastMaterialUpdateAt?.toISOString(),
    );
  });

  it("honours Idempotency-Key on publish, restore, unpublish, republish and withdraw", async () => {
    await createTestStory({ actor: editor, slug: "keyed-everything", publish: true, body: "One." });
    await save(contributor, "keyed-everything", { summary: "Two", body: "Two." });
    const published = await publishRevision({
      actor: editor,
      slug: "keyed-everything",
      number: 2,
      summary: "Two",
      idempotencyKey: "pub-1",
    });
    const replayed = await publishRevision({
      actor: editor,
      slug: "keyed-everything",
      number: 2,
      summary: "Two",
      idempotencyKey: "pub-1",
    });
    expect(replayed).toMatchObject({ outcome: "created", revision: { number: published.revision.number } });

    const restored = await restoreRevision({
      actor: editor,
      slug: "keyed-everything",
      number: 1,
      publish: true,
      idempotencyKey: "res-1",
    });
    const restoredAgain = await restoreRevision({
      actor: editor,
      slug: "keyed-everything",
      number: 1,
      publish: true,
      idempotencyKey: "res-1",
    });
    expect(restoredAgain.revision.number).toBe(restored.revision.number);

    await unpublishStory({
      actor: editor,
      slug: "keyed-everything",
      reason: "Pulled",
      idempotencyKey: "un-1",
    });
    expect(
      (
        await unpublishStory({
          actor: editor,
          slug: "keyed-everything",
          reason: "Pulled",
          idempotencyKey: "un-1",
        })
      ).status,
    ).toBe("unpublished");
    await republishStory({ actor: editor, slug: "keyed-everything", reason: "Back", idempotencyKey: "re-1" });
    expect(
      (
        await republishStory({
          actor: editor,
          slug: "keyed-everything",
          reason: "Back",
          idempotencyKey: "re-1",
        })
      ).status,
    ).toBe("published");
    // Guards: a retried withdrawal wrote a second entry (the key was never passed on) though the API docs
    // promised one.
    const withdrawal = { note: "This story has been withdrawn: its source could not be confirmed." };
    await withdrawStory({
      actor: editor,
      slug: "keyed-everything",
      input: withdrawal,
      idempotencyKey: "wd-1",
    });
    expect(
      (
        await withdrawStory({
          actor: editor,
          slug: "keyed-everything",
          input: withdrawal,
          idempotencyKey: "wd-1",
        })
      ).status,
    ).toBe("withdrawn");
    const otherNote = withdrawStory({
      actor: editor,
      slug: "keyed-everything",
      input: { note: "Another note entirely." },
      idempotencyKey: "wd-1",
    });
    expect((await appErrorOf(otherNote)).code).toBe("unprocessable");
    const events = await getDb().storyStatusEvent.findMany({
      where: { story: { slug: "keyed-everything" }, action: { not: "publish" } },
    });
    expect(events.map((event) => event.action).sort()).toEqual(["republish", "unpublish", "withdraw"]);
    expect(await getDb().revision.count({ where: { story: { slug: "keyed-everything" } } })).toBe(4);
  });

  it("refuses a key reused with a different body, for another operation or by another caller, with 422", async () => {
    // Guards: a key reused with a different body silently answered with the first revision.
    await createTestStory({ actor: editor, slug: "key-bound", publish: true });
    await save(editor, "key-bound", { summary: "First", body: "First." }, "bound-1");
    const before = await historyCounts({ slug: "key-bound" });
    const otherBody = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "key-bound",
        input: { baseRevision: 2, summary: "Other", body: "Other." },
        idempotencyKey: "bound-1",
      }),
    );
    expect(otherBody.code).toBe("unprocessable");
    expect(otherBody.userMessage).toContain("This key was used for a different request");
    const otherCaller = await appErrorOf(
      saveRevision({
        actor: otherEditor,
        slug: "key-bound",
        input: { baseRevision: 1, summary: "First", body: "First." },
        idempotencyKey: "bound-1",
      }),
    );
    expect(otherCaller.code).toBe("unprocessable");
    expect(
      (
        await appErrorOf(
          unpublishStory({ actor: editor, slug: "key-bound", reason: "x", idempotencyKey: "bound-1" }),
        )
      ).code,
    ).toBe("unprocessable");
    expect(
      (
        await appErrorOf(
          restoreRevision({ actor: editor, slug: "key-bound", number: 1, idempotencyKey: "bound-1" }),
        )
      ).code,
    ).toBe("unprocessable");
    expect(await historyCounts({ slug: "key-bound" })).toEqual(before);
  });

  it("refuses another caller retrying a story creation key, instead of handing over that story", async () => {
    // Guards: a contributor retrying another user's key on POST /stories received that user's story.
    const input = { slug: "created-with-key", headline: "Mine", body: "b" };
    await createStory({ actor: editor, input, idempotencyKey: "create-bound" });
    expect((await createStory({ actor: editor, input, idempotencyKey: "create-bound" })).story.slug).toBe(
      "created-with-key",
    );
    expect(
      (await appErrorOf(createStory({ actor: contributor, input, idempotencyKey: "create-bound" }))).code,
    ).toBe("unprocessable");
    const other = await appErrorOf(
      createStory({
        actor: editor,
        input: { ...input, slug: "another-slug" },
        idempotencyKey: "create-bound",
      }),
    );
    expect(other.code).toBe("unprocessable");
    expect(await getDb().story.count({ where: { slug: "another-slug" } })).toBe(0);
  });
});

describe("internal notes and reader-facing text", () => {
  it("keeps an internal note on the desk and out of every public surface", async () => {
    await createTestStory({ actor: editor, slug: "internal-note", publish: true });
    const saved = await save(editor, "internal-note", {
      summary: "Adds detail",
      internalNote: "Source is Maria; do not name her",
      body: "Detail.",
      publish: true,
    });
    expect(saved.revision.internalNote).toBe("Source is Maria; do not name her");
    const log = await readPublicChangeLog({ slug: "internal-note" });
    const page = await readPublishedStory({ slug: "internal-note" });
    const feed = renderStoryFeed({ log, newsroom: newsroomSettings(), origin: "https://news.example" });
    for (const surface of [JSON.stringify(log), JSON.stringify(page), feed])
      expect(surface).not.toContain("Maria");
  });

  it("never puts internal revision numbers into reader-facing summaries, and keeps feed summary and note apart", async () => {
    // Guards: "Published revision 8: DRAFT - not checked yet" and "Restored revision 3" reached the change
    // log and feed.
    await createTestStory({ actor: editor, slug: "no-numbers", publish: true, body: "Hull count: 3." });
    await save(contributor, "no-numbers", {
      summary: "DRAFT - not checked yet, ask Maria",
      body: "Hull count: 4.",
    });
    const noSummary = await appErrorOf(publishRevision({ actor: editor, slug: "no-numbers", number: 2 }));
    expect(noSummary.details).toMatchObject({ fields: [{ path: "summary" }] });
    await publishRevision({
      actor: editor,
      slug: "no-numbers",
      number: 2,
      kind: "correction",
      summary: "Fixes hull count",
      note: "An earlier version misstated the hull count.",
    });
    await restoreRevision({
      actor: editor,
      slug: "no-numbers",
      number: 2,
      publish: true,
      confirmReverts: { corrections: [3], developing: false },
    });
    const log = await readPublicChangeLog({ slug: "no-numbers" });
    const text = JSON.stringify(log);
    expect(text).not.toMatch(/revision \d/i);
    expect(text).not.toContain("ask Maria");
    const feed = renderStoryFeed({ log, newsroom: newsroomSettings(), origin: "https://news.example" });
    expect(feed).not.toContain("Fixes hull count Correction");
    expect(feed).toContain(
      "<p>Fixes hull count</p><p><strong>Correction:</strong> An earlier version misstated the hull count.</p>",
    );
  });
});

describe("a restore cannot silently bring back what a published correction fixed", () => {
  it("refuses a restore that reverts a correction unless it names it, and then records it", async () => {
    // Guards: restoring r1 put "54" back live directly above the correction that fixed it.
    await createTestStory({
      actor: editor,
      slug: "restore-guard",
      publish: true,
      body: "Mayor Jane Smith, 54, resigned.",
    });
    await save(editor, "restore-guard", {
      kind: "correction",
      summary: "Fixes age",
      note: "An earlier version misstated the mayor's age. She is 45.",
      body: "Mayor Jane Smith, 45, resigned.",
      publish: true,
    });
    const before = await historyCounts({ slug: "restore-guard" });
    const refused = await appErrorOf(
      restoreRevision({ actor: editor, slug: "restore-guard", number: 1, publish: true }),
    );
    expect(refused.code).toBe("conflict");
    expect(refused.userMessage).toContain("An earlier version misstated the mayor's age. She is 45.");
    expect(refused.details).toMatchObject({
      reverts: { corrections: [{ revision: 2, kind: "correction" }], reopensDeveloping: false },
    });
    expect(
      (
        await appErrorOf(
          restoreRevision({
            actor: editor,
            slug: "restore-guard",
            number: 1,
            confirmReverts: { corrections: [], developing: false },
          }),
        )
      ).code,
    ).toBe("conflict");
    expect(await historyCounts({ slug: "restore-guard" })).toEqual(before);
    const restored = await restoreRevision({
      actor: editor,
      slug: "restore-guard",
      number: 1,
      publish: true,
      confirmReverts: { corrections: [2], developing: false },
    });
    expect(restored.revision.content.body).toContain("54");
    expect((await readPublishedStory({ slug: "restore-guard" })).article.notes).toHaveLength(1);
  });

  it("restores freely when nothing a correction fixed comes back, and asks before the developing label returns", async () => {
    await createTestStory({
      actor: editor,
      slug: "restore-free",
      publish: true,
      body: "Storm nears.\n\nSchools open.",
    });
    await save(editor, "restore-free", {
      kind: "correction",
      summary: "Fix",
      note: "Schools are closed.",
      body: "Storm nears.\n\nSchools closed.",
      publish: true,
    });
    await save(editor, "restore-free", {
      summary: "Adds winds",
      body: "Storm nears.\n\nSchools closed.\n\nWinds rise.",
      publish: true,
    });
    expect(
      (await restoreRevision({ actor: editor, slug: "restore-free", number: 2, publish: true })).outcome,
    ).toBe("created");

    await save(editor, "restore-free", { summary: "Final", developing: false, publish: true });
    const reopen = await appErrorOf(restoreRevision({ actor: editor, slug: "restore-free", number: 3 }));
    expect(reopen.details).toMatchObject({ reverts: { corrections: [], reopensDeveloping: true } });
    expect(reopen.userMessage).toContain("Developing");
    const draft = await restoreRevision({
      actor: editor,
      slug: "restore-free",
      number: 3,
      confirmReverts: { corrections: [], developing: true },
    });
    expect(draft.revision.content.developing).toBe(true);
  });
});
