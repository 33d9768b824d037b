import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { readPublicChangeLog } from "@/lib/public/public-change-log";
import {
  correctionsFeed,
  correctionsPage,
  indexPage,
  siteFeed,
  storyFeed,
  storyHistoryPage,
  storyPage,
  storyVersion,
} from "@/lib/public/public-pages";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";

import { replyToThread } from "./reply-to-thread";
import { startThread } from "./start-thread";

const origin = "https://news.example";
const secret = "Zanzibar-comment-never-for-readers";
const replySecret = "Quokka-reply-never-for-readers";

describe("review comments stay in the newsroom", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    const reviewer = await createTestActor({ role: "editor" });
    await createTestStory({
      actor: editor,
      slug: "commented-story",
      publish: true,
      body: "Lead words here.\n\nMore.",
    });
    const { thread } = await startThread({
      actor: reviewer,
      slug: "commented-story",
      number: 1,
      input: {
        body: `${secret}: check the lead`,
        anchor: { field: "body", start: 0, end: 4, quote: "Lead" },
      },
    });
    await replyToThread({
      actor: editor,
      slug: "commented-story",
      threadId: thread.id,
      input: { body: replySecret },
    });
    await saveRevision({
      actor: editor,
      slug: "commented-story",
      input: {
        baseRevision: 1,
        kind: "correction",
        summary: "Fixed the lead",
        note: "An earlier version misstated the lead.",
        body: "Lead words there.\n\nMore.",
        publish: true,
      },
    });
    await startThread({
      actor: reviewer,
      slug: "commented-story",
      number: 2,
      input: { body: `${secret} on 2` },
    });
  });

  it("never shows a comment on the public page, feeds, change log or history", async () => {
    const pages = await Promise.all([
      storyPage({ slug: "commented-story", origin }),
      storyFeed({ slug: "commented-story", origin }),
      storyHistoryPage({ slug: "commented-story", origin, from: "1", to: "2" }),
      storyVersion({ slug: "commented-story" }),
      indexPage({ origin }),
      siteFeed({ origin }),
      correctionsPage({ origin, before: null }),
      correctionsFeed({ origin }),
    ]);
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.body).not.toContain("Zanzibar");
      expect(page.body).not.toContain("Quokka");
    }
    // The pages are the real ones: the correction is there.
    expect(pages[0]?.body).toContain("An earlier version misstated the lead.");
    const log = JSON.stringify(await readPublicChangeLog({ slug: "commented-story" }));
    expect(log).toContain("Fixed the lead");
    expect(log).not.toContain("Zanzibar");
    expect(log).not.toContain("Quokka");
  });
});
