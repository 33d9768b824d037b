import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";

import { listThreads } from "./list-threads";
import { mentionedHandles } from "./mentions";
import { replyToThread } from "./reply-to-thread";
import { setThreadResolved } from "./resolve-thread";
import { startThread } from "./start-thread";

const body = "The council met on Tuesday. 37 people spoke against the plan.\n\nThe vote is next week.";

async function counts() {
  const db = getDb();
  return {
    threads: await db.reviewThread.count(),
    comments: await db.reviewComment.count(),
    events: await db.reviewEvent.count(),
    inbox: await db.inboxItem.count(),
  };
}

async function inboxOf(actor: Actor) {
  return getDb().inboxItem.findMany({
    where: { recipientId: actor.userId },
    select: { kind: true, eventKey: true, commentId: true },
    orderBy: { createdAt: "asc" },
  });
}

function wordsOf(text: string, quote: string, field: "body" | "headline" = "body") {
  const start = text.indexOf(quote);
  return { field, start, end: start + quote.length, quote };
}

describe("comment threads on a revision", () => {
  let author: Actor;
  let reviewer: Actor;
  let contributor: Actor;
  let other: Actor;

  beforeAll(async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    author = await createTestActor({ role: "contributor", email: `ana.${suffix}@example.test`, name: "Ana" });
    reviewer = await createTestActor({ role: "editor", email: `rex.${suffix}@example.test`, name: "Rex" });
    contributor = await createTestActor({ role: "contributor" });
    other = await createTestActor({ role: "editor", email: `olu.${suffix}@example.test`, name: "Olu" });
    await createTestStory({ actor: author, slug: "thread-story", body });
    await createTestStory({ actor: author, slug: "thread-other-story", body: "Something else." });
  });

  it("starts a thread on words of the new text, records it, and tells the author once", async () => {
    const { thread, commentId } = await startThread({
      actor: reviewer,
      slug: "thread-story",
      number: 1,
      input: { body: "Source for the count?", anchor: wordsOf(body, "37 people") },
    });
    expect(thread).toMatchObject({
      revisionNumber: 1,
      anchor: { revision: 1, field: "body", quote: "37 people" },
      createdBy: { id: reviewer.userId },
      resolved: null,
      comments: [{ id: commentId, body: "Source for the count?" }],
    });
    expect(await inboxOf(author)).toEqual([{ kind: "comment", eventKey: `comment:${commentId}`, commentId }]);
    // Nobody is told of their own act.
    expect(await inboxOf(reviewer)).toEqual([]);
    const events = await getDb().reviewEvent.findMany({ where: { threadId: thread.id } });
    expect(events).toMatchObject([{ action: "comment", actorId: reviewer.userId, commentId }]);
  });

  it("takes a general comment on the whole revision", async () => {
    const { thread } = await startThread({
      actor: reviewer,
      slug: "thread-story",
      number: 1,
      input: { body: "Needs a second source overall." },
    });
    expect(thread.anchor).toBeNull();
  });

  it("refuses bad comments with a sentence naming the field, and changes nothing", async () => {
    const before = await counts();
    const refusals = [
      // A revision the story does not have (the other story's revision numbers mean nothing here).
      startThread({ actor: reviewer, slug: "thread-other-story", number: 2, input: { body: "Hm" } }),
      // Words that are not at that place in that revision.
      startThread({
        actor: reviewer,
        slug: "thread-other-story",
        number: 1,
        input: { body: "Hm", anchor: wordsOf(body, "37 people") },
      }),
      startThread({
        actor: reviewer,
        slug: "thread-story",
        number: 1,
        input: { body: "Hm", anchor: { field: "body", start: 0, end: 9, quote: "37 people" } },
      }),
      startThread({ actor: reviewer, slug: "thread-story", number: 1, input: { body: "   \u200b " } }),
      startThread({ actor: reviewer, slug: "thread-story", number: 1, input: { body: "x".repeat(5_001) } }),
    ];
    const errors = await Promise.all(refusals.map(appErrorOf));
    expect(errors.map((error) => error.code)).toEqual([
      "not_found",
      "unprocessable",
      "unprocessable",
      "validation_failed",
      "validation_failed",
    ]);
    expect(errors[0]?.userMessage).toContain("no revision 2");
    expect(errors[1]?.userMessage).toBe(
      "Those words are not in that revision: the selection falls outside its text. (The body of revision 1.)",
    );
    expect(errors[2]?.userMessage).toBe(
      "Those words are not in that revision at that place. Reload the comparison and select them again. (The body of revision 1.)",
    );
    expect(errors[3]?.details).toMatchObject({ fields: [{ path: "body", message: "write the comment" }] });
    expect(errors[4]?.details).toMatchObject({
      fields: [{ path: "body", message: expect.stringContaining("at most 5,000 characters") }],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a reply to a thread of another story", async () => {
    const { thread } = await startThread({
      actor: reviewer,
      slug: "thread-story",
      number: 1,
      input: { body: "A" },
    });
    const error = await appErrorOf(
      replyToThread({ actor: author, slug: "thread-other-story", threadId: thread.id, input: { body: "B" } }),
    );
    expect(error.code).toBe("not_found");
  });

  it("lets the starter and an editor resolve and reopen, and refuses a contributor resolving another's thread", async () => {
    const { thread } = await startThread({
      actor: contributor,
      slug: "thread-story",
      number: 1,
      input: { body: "Q" },
    });
    const byEditor = await startThread({
      actor: reviewer,
      slug: "thread-story",
      number: 1,
      input: { body: "R" },
    });
    const before = await counts();
    const refused = await appErrorOf(
      setThreadResolved({
        actor: author,
        slug: "thread-story",
        threadId: byEditor.thread.id,
        resolved: true,
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect(refused.userMessage).toBe(
      "Only the person who started this thread, or an editor, can resolve it.",
    );
    expect(await counts()).toEqual(before);

    const own = await setThreadResolved({
      actor: contributor,
      slug: "thread-story",
      threadId: thread.id,
      resolved: true,
    });
    expect(own.thread.resolved).toMatchObject({ by: { id: contributor.userId } });
    const twice = await appErrorOf(
      setThreadResolved({ actor: contributor, slug: "thread-story", threadId: thread.id, resolved: true }),
    );
    expect(twice.userMessage).toBe("This thread is already resolved.");
    const reopened = await setThreadResolved({
      actor: reviewer,
      slug: "thread-story",
      threadId: thread.id,
      resolved: false,
    });
    expect(reopened.thread.resolved).toBeNull();
    const resolvedByEditor = await setThreadResolved({
      actor: other,
      slug: "thread-story",
      threadId: byEditor.thread.id,
      resolved: true,
    });
    expect(resolvedByEditor.thread.resolved).toMatchObject({ by: { id: other.userId } });
    const actions = await getDb().reviewEvent.findMany({
      where: { threadId: thread.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toEqual(["comment", "resolve_thread", "reopen_thread"]);
  });

  it("posts once when the same request is sent twice with its key, and refuses the key for anything else", async () => {
    const before = await counts();
    const request = {
      actor: reviewer,
      slug: "thread-story",
      number: 1,
      input: { body: "Double click" },
      idempotencyKey: "double-click-1",
    };
    const [first, second] = await Promise.all([startThread(request), startThread(request)]);
    expect(second.thread.id).toBe(first.thread.id);
    expect(second.commentId).toBe(first.commentId);
    const after = await counts();
    expect(after.comments - before.comments).toBe(1);
    expect(after.inbox - before.inbox).toBe(1);
    const reused = await appErrorOf(startThread({ ...request, input: { body: "Something else" } }));
    expect(reused.userMessage).toContain("This key was used for a different request");
  });

  it("tells mentioned people once, participants of a reply, and leaves unknown handles as text", async () => {
    const { thread, commentId } = await startThread({
      actor: reviewer,
      slug: "thread-story",
      number: 1,
      input: {
        body: `@${handle(other)} can you check? Also @nobody-here and mail ana@example.org.`,
        anchor: wordsOf(body, "Tuesday"),
      },
    });
    expect(await inboxOf(other)).toEqual([{ kind: "mention", eventKey: `comment:${commentId}`, commentId }]);
    // The author is told it is about their work; the email address in the text is not a mention.
    expect((await inboxOf(author)).filter((item) => item.commentId === commentId)).toEqual([
      { kind: "comment", eventKey: `comment:${commentId}`, commentId },
    ]);

    // A reply that mentions a participant: one notice for them (the mention), a reply notice for the other.
    const reply = await replyToThread({
      actor: author,
      slug: "thread-story",
      threadId: thread.id,
      input: { body: `Checked with the clerk, @${handle(other).toUpperCase()}.` },
    });
    const forOther = (await inboxOf(other)).filter((item) => item.commentId === reply.commentId);
    const forReviewer = (await inboxOf(reviewer)).filter((item) => item.commentId === reply.commentId);
    expect(forOther).toEqual([
      { kind: "mention", eventKey: `comment:${reply.commentId}`, commentId: reply.commentId },
    ]);
    expect(forReviewer).toEqual([
      { kind: "reply", eventKey: `comment:${reply.commentId}`, commentId: reply.commentId },
    ]);
    expect((await inboxOf(author)).filter((item) => item.commentId === reply.commentId)).toEqual([]);
    expect(reply.thread.comments.map((comment) => comment.author.id)).toEqual([
      reviewer.userId,
      author.userId,
    ]);
  });

  it("reads handles as the part of the email before the @", () => {
    expect(mentionedHandles("Hi @Jane.Doe, and @bob. Mail x@y.org; @carol@example.org!")).toEqual([
      "jane.doe",
      "bob",
      "carol@example.org",
    ]);
  });

  // Guards the first form of the anchor check, which counted code points and refused words with an emoji.
  it("anchors words holding an emoji, counted as the desk counts them", async () => {
    const text = "Fans cheered 🎉 at the final whistle.";
    await createTestStory({ actor: author, slug: "thread-emoji", body: text });
    const { thread } = await startThread({
      actor: reviewer,
      slug: "thread-emoji",
      number: 1,
      input: { body: "Emoji in copy?", anchor: wordsOf(text, "cheered 🎉 at") },
    });
    expect(thread.anchor).toMatchObject({ quote: "cheered 🎉 at", start: 5, end: 18 });
  });

  it("anchors a removed passage in the older revision it was compared with", async () => {
    await createTestStory({ actor: author, slug: "thread-removed", body });
    await saveRevision({
      actor: author,
      slug: "thread-removed",
      input: {
        baseRevision: 1,
        summary: "Cut the count",
        body: "The council met on Tuesday.\n\nThe vote is next week.",
      },
    });
    const { thread } = await startThread({
      actor: reviewer,
      slug: "thread-removed",
      number: 2,
      input: { body: "Why cut this?", anchor: { revision: 1, ...wordsOf(body, "37 people spoke") } },
    });
    expect(thread).toMatchObject({ revisionNumber: 2, anchor: { revision: 1, quote: "37 people spoke" } });
    const later = await appErrorOf(
      startThread({
        actor: reviewer,
        slug: "thread-removed",
        number: 1,
        input: { body: "x", anchor: { revision: 2, ...wordsOf(body, "The council") } },
      }),
    );
    expect(later.details).toMatchObject({ fields: [{ path: "anchor.revision" }] });
    expect((await listThreads({ actor: contributor, slug: "thread-removed" })).length).toBe(1);
  });
});

function handle(actor: Actor): string {
  return actor.email.slice(0, actor.email.indexOf("@"));
}
