import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getStoryDetail } from "@/lib/revisions/story-detail";
import { listStories } from "@/lib/stories/list-stories";
import { getStoryOrThrow } from "@/lib/stories/story";

import { diffRevisions } from "./diff-revisions";
import { getRevision } from "./get-revision";
import { listRevisions } from "./list-revisions";
import { saveRevision } from "./save-revision";
import { appErrorOf, createTestStory } from "./test-stories";

describe("reading history", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor", name: "History Editor" });
    await createTestStory({ actor: editor, slug: "long-history", publish: true });
    for (let base = 1; base < 7; base += 1) {
      await saveRevision({
        actor: editor,
        slug: "long-history",
        input: {
          baseRevision: base,
          summary: `Save ${base + 1}`,
          body: `Body ${base + 1}.`,
          publish: base === 3,
        },
      });
    }
  });

  it("lists revisions newest first, a page at a time, until the cursor runs out", async () => {
    const first = await listRevisions({ actor: editor, slug: "long-history", limit: 3 });
    expect(first.revisions.map((revision) => revision.number)).toEqual([7, 6, 5]);
    expect(first.revisions[0]).toMatchObject({
      kind: "update",
      summary: "Save 7",
      published: false,
      author: { name: "History Editor" },
    });
    expect(first.revisions[3 - 2]?.credits.map((credit) => credit.name)).toEqual(["Test Reporter"]);
    const second = await listRevisions({
      actor: editor,
      slug: "long-history",
      limit: 3,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.revisions.map((revision) => revision.number)).toEqual([4, 3, 2]);
    expect(second.revisions[0]?.published).toBe(true);
    const last = await listRevisions({
      actor: editor,
      slug: "long-history",
      limit: 3,
      cursor: second.nextCursor ?? undefined,
    });
    expect(last.revisions.map((revision) => revision.number)).toEqual([1]);
    expect(last.nextCursor).toBeNull();
    expect(
      (await appErrorOf(listRevisions({ actor: editor, slug: "long-history", cursor: "abc" }))).code,
    ).toBe("bad_request");
    expect((await appErrorOf(listRevisions({ actor: editor, slug: "nope" }))).code).toBe("not_found");
  });

  it("reads one revision with its content, and 404s an unknown number", async () => {
    const revision = await getRevision({ actor: editor, slug: "long-history", number: 4 });
    expect(revision.content.body).toBe("Body 4.");
    expect((await appErrorOf(getRevision({ actor: editor, slug: "long-history", number: 99 }))).code).toBe(
      "not_found",
    );
  });

  it("shows the live and newest revisions of a story", async () => {
    const detail = await getStoryDetail({ actor: editor, slug: "long-history" });
    expect(detail.story).toMatchObject({
      latestRevisionNumber: 7,
      liveRevisionNumber: 4,
      headline: "Headline of long-history",
    });
    expect(detail.live?.number).toBe(4);
    expect(detail.latest.number).toBe(7);
    expect((await getStoryOrThrow({ actor: editor, slug: "long-history" })).lastRevisedBy.name).toBe(
      "History Editor",
    );
  });

  it("diffs any two revisions as structured data, notes included", async () => {
    const { diff } = await diffRevisions({ actor: editor, slug: "long-history", from: "2", to: "5" });
    expect(diff.changed).toBe(true);
    expect(diff.body.changed).toBe(true);
    expect(diff.headline.changed).toBe(false);
    expect(diff.notes?.summary.changed).toBe(true);
  });

  it("finds stories by headline or slug and filters by status", async () => {
    await createTestStory({ actor: editor, slug: "quiet-draft" });
    await saveRevision({
      actor: editor,
      slug: "quiet-draft",
      input: { baseRevision: 1, summary: "Retitle", headline: "Harbor 100% closed_today" },
    });
    expect(
      (await listStories({ actor: editor, query: "harbor 100%" })).stories.map((story) => story.slug),
    ).toEqual(["quiet-draft"]);
    expect(
      (await listStories({ actor: editor, query: "long-hist" })).stories.map((story) => story.slug),
    ).toEqual(["long-history"]);
    expect((await listStories({ actor: editor, query: "closed%" })).stories).toEqual([]);
    expect(
      (await listStories({ actor: editor, status: "draft" })).stories.map((story) => story.slug),
    ).toEqual(["quiet-draft"]);
    const page = await listStories({ actor: editor, limit: 1 });
    expect(page.stories.map((story) => story.slug)).toEqual(["quiet-draft"]);
    const next = await listStories({ actor: editor, limit: 1, cursor: page.nextCursor ?? undefined });
    expect(next.stories.map((story) => story.slug)).toEqual(["long-history"]);
    expect(next.nextCursor).toBeNull();
    expect((await appErrorOf(listStories({ actor: editor, cursor: "garbage" }))).code).toBe("bad_request");
  });
});
