import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { listPublishedStories } from "@/lib/public/public-index";
import { readPublishedStory } from "@/lib/public/published-story";
import { readStoryWithdrawal } from "@/lib/public/story-withdrawal";
import { listStatusEvents, republishStory, unpublishStory, withdrawStory } from "@/lib/stories/story-status";

import { publishRevision } from "./publish-revision";
import { restoreRevision } from "./restore-revision";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory, historyCounts } from "./test-stories";

const note =
  "This story has been withdrawn because it relied on a document whose authenticity could not be confirmed.";

describe("withdrawing a story with an editor's note", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("is refused to a contributor and without a note, and then changes nothing", async () => {
    await createTestStory({ actor: editor, slug: "withdraw-refused", publish: true });
    const before = await historyCounts({ slug: "withdraw-refused" });
    expect(
      (await appErrorOf(withdrawStory({ actor: contributor, slug: "withdraw-refused", input: { note } })))
        .code,
    ).toBe("forbidden");
    const blank = await appErrorOf(
      withdrawStory({ actor: editor, slug: "withdraw-refused", input: { note: "   " } }),
    );
    expect(blank.details).toMatchObject({ fields: [{ path: "note" }] });
    expect(await historyCounts({ slug: "withdraw-refused" })).toEqual(before);
    expect(await readStoryWithdrawal({ slug: "withdraw-refused" })).toBeNull();
  });

  // Before: the only takedown was a quiet unpublish, so readers could not tell a withdrawn story from a
  // missing page.
  it("keeps the headline and the note for readers, leaves the index, and records both notes in the status history", async () => {
    await createTestStory({ actor: editor, slug: "withdrawn-story", publish: true });
    await saveRevision({
      actor: editor,
      slug: "withdrawn-story",
      input: { baseRevision: 1, summary: "New lead", headline: "Mayor to resign, memo says", publish: true },
    });
    const story = await withdrawStory({
      actor: editor,
      slug: "withdrawn-story",
      input: { note, reason: "Memo was forged; legal signed off on this note" },
    });
    expect(story).toMatchObject({ status: "withdrawn", liveRevisionNumber: 2 });

    const withdrawal = await readStoryWithdrawal({ slug: "withdrawn-story" });
    expect(withdrawal).toMatchObject({
      slug: "withdrawn-story",
      headline: "Mayor to resign, memo says",
      note,
    });
    expect((await appErrorOf(readPublishedStory({ slug: "withdrawn-story" }))).code).toBe("not_found");
    expect((await listPublishedStories({ limit: 200 })).map((entry) => entry.slug)).not.toContain(
      "withdrawn-story",
    );

    const events = await listStatusEvents({ actor: contributor, slug: "withdrawn-story" });
    expect(events[0]).toMatchObject({
      action: "withdraw",
      revisionNumber: 2,
      publicNote: note,
      reason: "Memo was forged; legal signed off on this note",
      actor: { id: editor.userId },
    });
    expect(events.map((event) => event.action)).toEqual(["withdraw", "publish", "publish"]);
  });

  it("never comes back by a publish: drafts still save, publishing, restoring live and publishing a draft are refused", async () => {
    await createTestStory({ actor: editor, slug: "withdrawn-stays", publish: true });
    await withdrawStory({ actor: editor, slug: "withdrawn-stays", input: { note } });
    const draft = await saveRevision({
      actor: editor,
      slug: "withdrawn-stays",
      input: { baseRevision: 1, summary: "Fix", body: "Fixed body." },
    });
    expect(draft.story.status).toBe("withdrawn");
    const before = await historyCounts({ slug: "withdrawn-stays" });
    const publish = await appErrorOf(
      saveRevision({
        actor: editor,
        slug: "withdrawn-stays",
        input: { baseRevision: 2, summary: "Fix", body: "Fixed again.", publish: true },
      }),
    );
    expect(publish).toMatchObject({
      code: "unprocessable",
      userMessage: expect.stringMatching(/withdrawn.*republishes/),
    });
    expect(
      (
        await appErrorOf(
          publishRevision({ actor: editor, slug: "withdrawn-stays", number: 2, summary: "Fixes the body" }),
        )
      ).code,
    ).toBe("unprocessable");
    expect(
      (
        await appErrorOf(
          restoreRevision({ actor: editor, slug: "withdrawn-stays", number: 1, publish: true }),
        )
      ).code,
    ).toBe("unprocessable");
    expect(await historyCounts({ slug: "withdrawn-stays" })).toEqual(before);
    expect((await readStoryWithdrawal({ slug: "withdrawn-stays" }))?.note).toBe(note);
  });

  it("is ended only by a republish, which puts the live revision back", async () => {
    await createTestStory({ actor: editor, slug: "withdrawn-back", publish: true });
    await withdrawStory({ actor: editor, slug: "withdrawn-back", input: { note } });
    expect(
      (await appErrorOf(republishStory({ actor: contributor, slug: "withdrawn-back", reason: "Back" }))).code,
    ).toBe("forbidden");
    // Quietly unpublishing would take the note away from readers.
    expect(
      (await appErrorOf(unpublishStory({ actor: editor, slug: "withdrawn-back", reason: "hide it" }))).code,
    ).toBe("unprocessable");
    expect(
      (await appErrorOf(withdrawStory({ actor: editor, slug: "withdrawn-back", input: { note: "Again" } })))
        .code,
    ).toBe("unprocessable");
    const back = await republishStory({
      actor: editor,
      slug: "withdrawn-back",
      reason: "Forgery claim retracted",
    });
    expect(back).toMatchObject({ status: "published", liveRevisionNumber: 1 });
    expect(await readStoryWithdrawal({ slug: "withdrawn-back" })).toBeNull();
    expect((await readPublishedStory({ slug: "withdrawn-back" })).article.headline).toBe(
      "Headline of withdrawn-back",
    );
  });

  it("leaves a quiet unpublish a plain not-found, and can still turn it into a withdrawal", async () => {
    await createTestStory({ actor: editor, slug: "quietly-pulled", publish: true });
    await unpublishStory({ actor: editor, slug: "quietly-pulled", reason: "Published by mistake" });
    expect(await readStoryWithdrawal({ slug: "quietly-pulled" })).toBeNull();
    const withdrawn = await withdrawStory({ actor: editor, slug: "quietly-pulled", input: { note } });
    expect(withdrawn.status).toBe("withdrawn");
    expect((await readStoryWithdrawal({ slug: "quietly-pulled" }))?.note).toBe(note);
  });

  it("cannot withdraw a story that was never published", async () => {
    await createTestStory({ actor: editor, slug: "never-live" });
    expect(
      (await appErrorOf(withdrawStory({ actor: editor, slug: "never-live", input: { note } }))).code,
    ).toBe("unprocessable");
  });
});
