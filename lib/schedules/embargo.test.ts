import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { readPublicChangeLog } from "@/lib/public/public-change-log";
import { listPublicCorrections } from "@/lib/public/public-corrections";
import { listPublishedStories } from "@/lib/public/public-index";
import { readPublicStoryVersion, readPublishedStory } from "@/lib/public/published-story";
import { readStoryWithdrawal } from "@/lib/public/story-withdrawal";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory, historyCounts } from "@/lib/revisions/test-stories";

import { embargoStory } from "./embargo-story";
import { liftDueEmbargo, liftEmbargo } from "./lift-embargo";

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** What each public surface shows of a story: true where it appears. */
async function publicSurfaces(slug: string) {
  const found = async (read: Promise<unknown>) =>
    read.then(
      () => true,
      (error: { code?: string }) => (error.code === "not_found" ? false : Promise.reject(error)),
    );
  return {
    page: await found(readPublishedStory({ slug })),
    changeLog: await found(readPublicChangeLog({ slug })),
    version: await found(readPublicStoryVersion({ slug })),
    index: (await listPublishedStories({ limit: 200 })).some((entry) => entry.slug === slug),
    corrections: (await listPublicCorrections({ query: {}, limit: 200 })).entries.some(
      (entry) => entry.slug === slug,
    ),
    withdrawal: (await readStoryWithdrawal({ slug })) !== null,
  };
}

const nowhere = {
  page: false,
  changeLog: false,
  version: false,
  index: false,
  corrections: false,
  withdrawal: false,
};

describe("embargo", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("keeps a published story off every public surface until the embargo lifts, then dates it from the lift", async () => {
    await createTestStory({ actor: editor, slug: "embargoed" });
    const before = await historyCounts({ slug: "embargoed" });
    expect(
      (
        await appErrorOf(
          embargoStory({ actor: contributor, slug: "embargoed", input: { runAt: inAnHour() } }),
        )
      ).code,
    ).toBe("forbidden");
    expect(await historyCounts({ slug: "embargoed" })).toEqual(before);
    await embargoStory({ actor: editor, slug: "embargoed", input: { runAt: inAnHour() } });
    await publishRevision({ actor: editor, slug: "embargoed", number: 1 });
    await saveRevision({
      actor: editor,
      slug: "embargoed",
      input: {
        baseRevision: 2,
        kind: "correction",
        summary: "Fix",
        note: "An earlier version misnamed the court.",
        body: "Fixed.",
        publish: true,
      },
    });
    expect(await publicSurfaces("embargoed")).toEqual(nowhere);
    expect(await liftDueEmbargo({ storyId: before.story.id })).toEqual({
      outcome: "skipped",
      reason: "not_due",
    });
    expect(await publicSurfaces("embargoed")).toEqual(nowhere);

    await getDb().story.update({
      where: { slug: "embargoed" },
      data: { embargoUntil: new Date(Date.now() - 1_000) },
    });
    // Due by the clock but not yet lifted by its job: still nothing public.
    expect(await publicSurfaces("embargoed")).toEqual(nowhere);
    expect(await liftDueEmbargo({ storyId: before.story.id })).toEqual({
      outcome: "lifted",
      slug: "embargoed",
    });
    expect(await publicSurfaces("embargoed")).toEqual({
      ...nowhere,
      page: true,
      changeLog: true,
      version: true,
      index: true,
      corrections: true,
    });

    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "embargoed" } });
    const lastPublish = await getDb().revision.findFirstOrThrow({
      where: { storyId: story.id, publishedAt: { not: null } },
      orderBy: { number: "desc" },
    });
    expect(story.firstPublishedAt!.getTime()).toBeGreaterThan(lastPublish.publishedAt!.getTime());
    expect(story.lastMaterialUpdateAt).toBeNull();
    const log = await readPublicChangeLog({ slug: "embargoed" });
    expect(log.entries).toEqual([
      expect.objectContaining({
        kind: "first",
        number: 3,
        publishedAt: story.firstPublishedAt!.toISOString(),
      }),
    ]);
    const events = await getDb().storyStatusEvent.findMany({
      where: { storyId: story.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(events.map((event) => event.action)).toEqual(["embargo", "publish", "publish", "lift_embargo"]);
    expect(events.at(-1)!.actorId).toBe(editor.userId);
  });

  it("lifting early is an explicit act with a reason; a released story cannot be embargoed", async () => {
    await createTestStory({ actor: editor, slug: "embargo-early" });
    await embargoStory({ actor: editor, slug: "embargo-early", input: { runAt: inAnHour() } });
    await publishRevision({ actor: editor, slug: "embargo-early", number: 1 });
    expect(
      (
        await appErrorOf(
          liftEmbargo({ actor: contributor, slug: "embargo-early", input: { reason: "Court ruled early" } }),
        )
      ).code,
    ).toBe("forbidden");
    expect((await appErrorOf(liftEmbargo({ actor: editor, slug: "embargo-early", input: {} }))).code).toBe(
      "validation_failed",
    );
    expect((await publicSurfaces("embargo-early")).page).toBe(false);
    await liftEmbargo({ actor: editor, slug: "embargo-early", input: { reason: "Court ruled early" } });
    expect((await publicSurfaces("embargo-early")).page).toBe(true);
    const lift = await getDb().storyStatusEvent.findFirstOrThrow({
      where: { story: { slug: "embargo-early" }, action: "lift_embargo" },
    });
    expect(lift).toMatchObject({ actorId: editor.userId });
    expect(lift.reason).toMatch(/^Lifted early, before .*: Court ruled early$/);

    const refused = await appErrorOf(
      embargoStory({ actor: editor, slug: "embargo-early", input: { runAt: inAnHour() } }),
    );
    expect(refused.userMessage).toContain("already seen");
    await createTestStory({ actor: editor, slug: "embargo-past" });
    const past = await appErrorOf(
      embargoStory({
        actor: editor,
        slug: "embargo-past",
        input: { runAt: new Date(Date.now() - 5_000).toISOString() },
      }),
    );
    expect(past.userMessage).toContain("This embargo is set for");
    expect(
      (await getDb().story.findUniqueOrThrow({ where: { slug: "embargo-past" } })).embargoUntil,
    ).toBeNull();
  });
});
