import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { replyToThread } from "@/lib/review-threads/reply-to-thread";
import { startThread } from "@/lib/review-threads/start-thread";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";

import { countUnread, listInbox, markInboxRead, openInboxItem } from "./inbox";

describe("the desk inbox", () => {
  let author: Actor;
  let reviewer: Actor;
  let stranger: Actor;

  beforeAll(async () => {
    author = await createTestActor({ role: "contributor" });
    reviewer = await createTestActor({ role: "editor" });
    stranger = await createTestActor({ role: "contributor" });
    await createTestStory({ actor: author, slug: "inbox-story", body: "Lead paragraph.\n\nSecond one." });
    await saveRevision({
      actor: author,
      slug: "inbox-story",
      input: { baseRevision: 1, summary: "Second", body: "Lead paragraph, longer.\n\nSecond one." },
    });
  });

  it("lists notices newest first with the unread count, opens one on the desk, and marks all read", async () => {
    const general = await startThread({
      actor: reviewer,
      slug: "inbox-story",
      number: 2,
      input: { body: "Overall fine." },
    });
    const worded = await startThread({
      actor: reviewer,
      slug: "inbox-story",
      number: 2,
      input: { body: "Longer how?", anchor: { field: "body", start: 0, end: 4, quote: "Lead" } },
    });
    const { items, unread } = await listInbox({ actor: author });
    expect(unread).toBe(2);
    expect(items.map((item) => [item.kind, item.commentId, item.read])).toEqual([
      ["comment", worded.commentId, false],
      ["comment", general.commentId, false],
    ]);
    expect(items[0]).toMatchObject({
      actor: { id: reviewer.userId },
      story: { slug: "inbox-story", headline: "Headline of inbox-story" },
      excerpt: "Longer how?",
      href: `/desk/inbox/${items[0]?.id}`,
    });

    const opened = await openInboxItem({ actor: author, id: items[0]?.id ?? "" });
    expect(opened.path).toBe(`/desk/stories/inbox-story/compare?from=1&to=2#comment-${worded.commentId}`);
    expect(await countUnread({ actor: author })).toBe(1);
    expect((await openInboxItem({ actor: author, id: items[1]?.id ?? "" })).path).toBe(
      `/desk/stories/inbox-story/revisions/2#comment-${general.commentId}`,
    );

    await replyToThread({
      actor: reviewer,
      slug: "inbox-story",
      threadId: worded.thread.id,
      input: { body: "?" },
    });
    expect((await listInbox({ actor: author, query: { unread: "true" } })).items).toHaveLength(1);
    expect(await markInboxRead({ actor: author, input: { all: true } })).toEqual({ marked: 1 });
    expect(await countUnread({ actor: author })).toBe(0);
  });

  it("answers someone else's item exactly as one that does not exist, and never marks it", async () => {
    await startThread({ actor: reviewer, slug: "inbox-story", number: 1, input: { body: "Another." } });
    const [mine] = (await listInbox({ actor: author, query: { unread: "true" } })).items;
    const refused = await appErrorOf(openInboxItem({ actor: stranger, id: mine?.id ?? "" }));
    const missing = await appErrorOf(
      openInboxItem({ actor: stranger, id: "00000000-0000-4000-8000-000000000000" }),
    );
    expect([refused.code, refused.userMessage]).toEqual([missing.code, missing.userMessage]);
    expect(refused.userMessage).toBe("There is no such item in your inbox.");
    expect(await markInboxRead({ actor: stranger, input: { items: [mine?.id ?? ""] } })).toEqual({
      marked: 0,
    });
    expect(await countUnread({ actor: author })).toBe(1);
    expect((await appErrorOf(markInboxRead({ actor: author, input: {} }))).code).toBe("validation_failed");
  });
});
