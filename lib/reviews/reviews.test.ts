import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";
import { listStories } from "@/lib/stories/list-stories";

import { decideReview } from "./decide-review";
import { listReviewQueue } from "./review-queue";
import { readStoryReview } from "./story-review";
import { submitReview } from "./submit-review";
import { withdrawReview } from "./withdraw-review";

/** A published story with one draft by `author` on top (revision 2). */
async function storyWithDraft(options: { slug: string; editor: Actor; author: Actor }) {
  await createTestStory({ actor: options.editor, slug: options.slug, publish: true });
  await saveRevision({
    actor: options.author,
    slug: options.slug,
    input: { baseRevision: 1, summary: "Adds the vote", body: "The council voted 5 to 2." },
  });
}

async function reviewCounts(slug: string) {
  const db = getDb();
  const story = await db.story.findUniqueOrThrow({ where: { slug } });
  return {
    requests: await db.reviewRequest.count({ where: { storyId: story.id } }),
    states: (await db.reviewRequest.findMany({ where: { storyId: story.id }, select: { state: true } })).map(
      (row) => row.state,
    ),
    // Review acts only: every publish without review has its own line too.
    events: await db.reviewEvent.count({
      where: { storyId: story.id, action: { not: "publish_without_review" } },
    }),
    inbox: await db.inboxItem.count({ where: { storyId: story.id } }),
  };
}

describe("asking for review", () => {
  let editor: Actor;
  let otherEditor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    otherEditor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("a contributor asks for review of the newest draft; the named reviewer is told and finds it in the queue", async () => {
    await storyWithDraft({ slug: "ask-review", editor, author: contributor });
    const request = await submitReview({
      actor: contributor,
      slug: "ask-review",
      input: { reviewers: [otherEditor.userId], note: "Vote count checked with the clerk." },
    });
    expect(request).toMatchObject({
      revisionNumber: 2,
      state: "waiting",
      submittedBy: { id: contributor.userId },
      reviewers: [{ id: otherEditor.userId }],
      note: "Vote count checked with the clerk.",
    });
    const inbox = await getDb().inboxItem.findMany({ where: { reviewRequestId: request.id } });
    expect(inbox.map((item) => [item.recipientId, item.kind])).toEqual([
      [otherEditor.userId, "review_requested"],
    ]);
    const queue = await listReviewQueue({ actor: otherEditor });
    expect(queue.waiting.map((waiting) => waiting.id)).toContain(request.id);
    // Named someone else: not in the first editor's queue.
    expect((await listReviewQueue({ actor: editor })).waiting.map((waiting) => waiting.id)).not.toContain(
      request.id,
    );
    expect((await listReviewQueue({ actor: contributor })).submitted[0]).toMatchObject({ id: request.id });
    expect((await readStoryReview({ actor: contributor, slug: "ask-review" })).label).toBe("In review");
    expect(
      (await listStories({ actor: editor, review: "in_review" })).stories.map((story) => story.slug),
    ).toContain("ask-review");
    const drafts = await listStories({ actor: editor, review: "unpublished_drafts" });
    expect(drafts.stories.map((story) => story.slug)).toContain("ask-review");
    const bad = await appErrorOf(listStories({ actor: editor, review: "lost" }));
    expect(bad.details).toMatchObject({ fields: [{ path: "review" }] });
  });

  it("a request naming nobody waits in every editor's queue, oldest first, and tells nobody", async () => {
    await storyWithDraft({ slug: "unnamed-review", editor, author: contributor });
    const request = await submitReview({ actor: contributor, slug: "unnamed-review", input: {} });
    expect((await reviewCounts("unnamed-review")).inbox).toBe(0);
    for (const actor of [editor, otherEditor]) {
      const waiting = (await listReviewQueue({ actor })).waiting;
      expect(waiting.map((item) => item.id)).toContain(request.id);
      const times = waiting.map((item) => item.submittedAt);
      expect([...times].sort()).toEqual(times);
    }
  });

  it("a new request withdraws the older waiting one, with a history line saying so", async () => {
    await storyWithDraft({ slug: "superseded-review", editor, author: contributor });
    const first = await submitReview({ actor: contributor, slug: "superseded-review", input: {} });
    await saveRevision({
      actor: contributor,
      slug: "superseded-review",
      input: {
        baseRevision: 2,
        summary: "Adds a quote",
        body: "The council voted 5 to 2. “A good day,” she said.",
      },
    });
    const second = await submitReview({ actor: contributor, slug: "superseded-review", input: {} });
    expect(second.revisionNumber).toBe(3);
    const review = await readStoryReview({ actor: editor, slug: "superseded-review" });
    expect(review.current?.id).toBe(second.id);
    const withdrawn = review.history.find(
      (entry) => entry.requestId === first.id && entry.action === "withdraw",
    );
    expect(withdrawn?.note).toBe("Superseded by the request for revision 3.");
  });

  it("a double-click (the same Idempotency-Key) asks once", async () => {
    await storyWithDraft({ slug: "double-ask", editor, author: contributor });
    const [a, b] = await Promise.all([
      submitReview({ actor: contributor, slug: "double-ask", input: {}, idempotencyKey: "ask-1" }),
      submitReview({ actor: contributor, slug: "double-ask", input: {}, idempotencyKey: "ask-1" }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await reviewCounts("double-ask")).toMatchObject({ requests: 1, events: 1 });
    // The same key for another act is refused, not answered with the request it asked for.
    const reused = await appErrorOf(
      withdrawReview({ actor: contributor, slug: "double-ask", requestId: a.id, idempotencyKey: "ask-1" }),
    );
    expect(reused.userMessage).toMatch(/^This key was used for a different request/);
    expect((await reviewCounts("double-ask")).states).toEqual(["waiting"]);
  });

  it("refuses, changing nothing: a revision the story does not have, one already live, and the same text again", async () => {
    await storyWithDraft({ slug: "bad-ask", editor, author: contributor });
    // Revision 3 exists on another story, not on this one.
    await storyWithDraft({ slug: "bad-ask-other", editor, author: contributor });
    await saveRevision({
      actor: contributor,
      slug: "bad-ask-other",
      input: { baseRevision: 2, summary: "More", body: "More." },
    });
    const other = await appErrorOf(
      submitReview({ actor: contributor, slug: "bad-ask", input: { revision: 3 } }),
    );
    expect(other.userMessage).toBe(
      "This story has no revision 3: its newest is revision 2. A revision of another story cannot be reviewed here.",
    );
    expect(other.details).toMatchObject({ fields: [{ path: "revision" }] });
    const live = await appErrorOf(
      submitReview({ actor: contributor, slug: "bad-ask", input: { revision: 1 } }),
    );
    expect(live.userMessage).toMatch(/^Revision 1 is already live/);
    const colleague = await createTestActor({ role: "contributor" });
    const nobody = await appErrorOf(
      submitReview({ actor: contributor, slug: "bad-ask", input: { reviewers: [colleague.userId] } }),
    );
    expect(nobody.userMessage).toMatch(/^Only active editors and admins can review/);
    const self = await appErrorOf(
      submitReview({ actor: editor, slug: "bad-ask", input: { reviewers: [editor.userId] } }),
    );
    expect(self.userMessage).toMatch(/^You cannot review your own request/);
    expect(await reviewCounts("bad-ask")).toMatchObject({ requests: 0, events: 0, inbox: 0 });
    await submitReview({ actor: contributor, slug: "bad-ask", input: {} });
    const again = await appErrorOf(submitReview({ actor: contributor, slug: "bad-ask", input: {} }));
    expect(again.userMessage).toMatch(/^This text \(revision 2\) is already waiting for review/);
    expect(await reviewCounts("bad-ask")).toMatchObject({ requests: 1, events: 1 });
  });

  it("the submitter or an editor withdraws; another contributor is refused", async () => {
    await storyWithDraft({ slug: "withdraw-review", editor, author: contributor });
    const request = await submitReview({ actor: contributor, slug: "withdraw-review", input: {} });
    const stranger = await createTestActor({ role: "contributor" });
    const refused = await appErrorOf(
      withdrawReview({ actor: stranger, slug: "withdraw-review", requestId: request.id }),
    );
    expect(refused.code).toBe("forbidden");
    const withdrawn = await withdrawReview({
      actor: contributor,
      slug: "withdraw-review",
      requestId: request.id,
      input: { note: "Still reporting." },
    });
    expect(withdrawn).toMatchObject({
      state: "withdrawn",
      decidedBy: { id: contributor.userId },
      decisionNote: "Still reporting.",
    });
    const again = await appErrorOf(
      withdrawReview({ actor: editor, slug: "withdraw-review", requestId: request.id }),
    );
    expect(again.userMessage).toMatch(/^This request was withdrawn by /);
  });
});

describe("decisions", () => {
  let editor: Actor;
  let reviewer: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    reviewer = await createTestActor({ role: "editor", name: "Ana Ruiz" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("an editor approves; the submitter is told; deciding twice is refused with the first decision", async () => {
    await storyWithDraft({ slug: "approve-once", editor, author: contributor });
    const request = await submitReview({ actor: contributor, slug: "approve-once", input: {} });
    const approved = await decideReview({
      actor: reviewer,
      slug: "approve-once",
      requestId: request.id,
      input: { decision: "approve", note: "Good to go." },
    });
    expect(approved).toMatchObject({
      state: "approved",
      decidedBy: { id: reviewer.userId },
      decisionNote: "Good to go.",
    });
    const told = await getDb().inboxItem.findMany({
      where: { reviewRequestId: request.id, kind: "decision" },
    });
    expect(told.map((item) => item.recipientId)).toEqual([contributor.userId]);
    const twice = await appErrorOf(
      decideReview({
        actor: editor,
        slug: "approve-once",
        requestId: request.id,
        input: { decision: "request_changes", note: "No." },
      }),
    );
    expect(twice.code).toBe("conflict");
    expect(twice.userMessage).toMatch(/^This request was already approved by Ana Ruiz at .+\.$/);
    expect((await reviewCounts("approve-once")).states).toEqual(["approved"]);
    const review = await readStoryReview({ actor: editor, slug: "approve-once" });
    expect(review.label).toBe("Approved");
    expect(review.approval?.later).toEqual([]);
    expect(
      (await listStories({ actor: editor, review: "approved_unpublished" })).stories.map(
        (story) => story.slug,
      ),
    ).toContain("approve-once");
  });

  it("a double-click on Approve records one decision", async () => {
    await storyWithDraft({ slug: "approve-double", editor, author: contributor });
    const request = await submitReview({ actor: contributor, slug: "approve-double", input: {} });
    const decide = () =>
      decideReview({
        actor: reviewer,
        slug: "approve-double",
        requestId: request.id,
        input: { decision: "approve" },
        idempotencyKey: "approve-1",
      });
    const [a, b] = await Promise.all([decide(), decide()]);
    expect(a).toEqual(b);
    const events = await getDb().reviewEvent.findMany({
      where: { reviewRequestId: request.id, action: "approve" },
    });
    expect(events).toHaveLength(1);
  });

  it("requesting changes needs a note; the story then shows “Changes requested”", async () => {
    await storyWithDraft({ slug: "send-back", editor, author: contributor });
    const request = await submitReview({ actor: contributor, slug: "send-back", input: {} });
    const noNote = await appErrorOf(
      decideReview({
        actor: reviewer,
        slug: "send-back",
        requestId: request.id,
        input: { decision: "request_changes", note: " " },
      }),
    );
    expect(noNote.details).toMatchObject({ fields: [{ path: "note", message: "say what needs to change" }] });
    await decideReview({
      actor: reviewer,
      slug: "send-back",
      requestId: request.id,
      input: { decision: "request_changes", note: "Name the two who voted against." },
    });
    expect((await readStoryReview({ actor: contributor, slug: "send-back" })).label).toBe(
      "Changes requested",
    );
    expect(
      (await listStories({ actor: editor, review: "changes_requested" })).stories.map((story) => story.slug),
    ).toEqual(["send-back"]);
  });

  it("a contributor deciding is refused, and changes nothing", async () => {
    await storyWithDraft({ slug: "contributor-decides", editor, author: editor });
    const request = await submitReview({ actor: editor, slug: "contributor-decides", input: {} });
    const refused = await appErrorOf(
      decideReview({
        actor: contributor,
        slug: "contributor-decides",
        requestId: request.id,
        input: { decision: "approve" },
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect((await reviewCounts("contributor-decides")).states).toEqual(["waiting"]);
  });

  it("a later saved change is not covered: the desk lists the revisions after the approval", async () => {
    await storyWithDraft({ slug: "after-approval", editor, author: contributor });
    const request = await submitReview({ actor: contributor, slug: "after-approval", input: {} });
    await decideReview({
      actor: reviewer,
      slug: "after-approval",
      requestId: request.id,
      input: { decision: "approve" },
    });
    await saveRevision({
      actor: contributor,
      slug: "after-approval",
      input: {
        baseRevision: 2,
        summary: "One more line",
        body: "The council voted 5 to 2. The mayor left early.",
      },
    });
    const review = await readStoryReview({ actor: editor, slug: "after-approval" });
    expect(review.approval?.later).toEqual([3]);
    expect(review.newestText).toBe(
      "Not reviewed: approved by Ana Ruiz for revision 2; revision 3 came after",
    );
  });

  it("an id of another story's request is not found here", async () => {
    await storyWithDraft({ slug: "id-here", editor, author: contributor });
    await storyWithDraft({ slug: "id-there", editor, author: contributor });
    const there = await submitReview({ actor: contributor, slug: "id-there", input: {} });
    const refused = await appErrorOf(
      decideReview({ actor: reviewer, slug: "id-here", requestId: there.id, input: { decision: "approve" } }),
    );
    expect(refused.code).toBe("not_found");
    const garbage = await appErrorOf(
      decideReview({
        actor: reviewer,
        slug: "id-here",
        requestId: "not-an-id",
        input: { decision: "approve" },
      }),
    );
    expect(garbage.code).toBe("not_found");
  });
});
