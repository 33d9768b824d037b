import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as publishRoute } from "@/app/api/v1/stories/[slug]/revisions/[number]/publish/route";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory, historyCounts } from "@/lib/revisions/test-stories";
import { runSchedule } from "@/lib/schedules/run-schedule";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";

import { decideReview } from "./decide-review";
import { readReviewRules, setReviewRules } from "./review-rules";
import { submitReview } from "./submit-review";

const correction = {
  kind: "correction",
  summary: "Corrects the vote",
  note: "An earlier version gave the wrong vote count.",
  body: "The council voted 6 to 1.",
};

/** A published story and, on top, a correction saved as a draft by `author` (revision 2). */
async function draftCorrection(options: { slug: string; author: Actor }) {
  await createTestStory({ actor: options.author, slug: options.slug, publish: true });
  await saveRevision({
    actor: options.author,
    slug: options.slug,
    input: { baseRevision: 1, ...correction },
  });
}

async function rules(input: { contributorsNeedApproval: boolean; correctionsNeedSecondEditor: boolean }) {
  const admin = await createTestActor({ role: "admin" });
  await setReviewRules({ actor: admin, input });
}

describe("review rules an admin sets", () => {
  let admin: Actor;
  let editor: Actor;

  beforeAll(async () => {
    admin = await createTestActor({ role: "admin" });
    editor = await createTestActor({ role: "editor" });
  });

  it("an admin sets them, with a line in the review history; an editor is refused", async () => {
    const refused = await appErrorOf(
      setReviewRules({
        actor: editor,
        input: { contributorsNeedApproval: true, correctionsNeedSecondEditor: true },
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect(await readReviewRules()).toMatchObject({
      contributorsNeedApproval: false,
      correctionsNeedSecondEditor: false,
    });
    const set = await setReviewRules({
      actor: admin,
      input: { contributorsNeedApproval: true, correctionsNeedSecondEditor: false },
    });
    expect(set).toMatchObject({ contributorsNeedApproval: true, updatedBy: { id: admin.userId } });
    // The same form again writes nothing.
    await setReviewRules({
      actor: admin,
      input: { contributorsNeedApproval: true, correctionsNeedSecondEditor: false },
    });
    const lines = await getDb().reviewEvent.findMany({ where: { action: "change_rules" } });
    expect(lines.map((line) => line.note)).toEqual([
      "contributors’ work needs approval: on; corrections need a second editor: off",
    ]);
    const bad = await appErrorOf(
      setReviewRules({ actor: admin, input: { contributorsNeedApproval: "yes" } }),
    );
    expect(bad.code).toBe("validation_failed");
    await setReviewRules({
      actor: admin,
      input: { contributorsNeedApproval: false, correctionsNeedSecondEditor: false },
    });
  });
});

describe("a correction needs a second editor", () => {
  let author: Actor;
  let second: Actor;

  beforeAll(async () => {
    author = await createTestActor({ role: "editor", name: "Sam Author" });
    second = await createTestActor({ role: "editor", name: "Ana Second" });
  });
  beforeEach(() => rules({ contributorsNeedApproval: false, correctionsNeedSecondEditor: true }));

  it("its own author's publish is refused (desk and API), their own approval too; after another editor approves it goes through", async () => {
    await draftCorrection({ slug: "second-eyes", author });
    const before = await historyCounts({ slug: "second-eyes" });
    const refused = await appErrorOf(
      publishRevision({ actor: author, slug: "second-eyes", number: 2, summary: "Corrects the vote" }),
    );
    expect(refused.code).toBe("conflict");
    expect(refused.userMessage).toBe(
      "A rule set by an admin: a correction needs the approval of a second editor, not the one publishing. Not reviewed. Ask another editor to review it.",
    );
    const { token } = await createApiToken({ userId: author.userId, name: "Rules client", actor: "system" });
    const api = await publishRoute(
      new Request("http://localhost/api/v1/stories/second-eyes/revisions/2/publish", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ summary: "Corrects the vote" }),
      }),
      { params: Promise.resolve({ slug: "second-eyes", number: "2" }) },
    );
    expect(api.status).toBe(409);
    expect(((await api.json()) as { error: { message: string } }).error.message).toBe(refused.userMessage);
    // Saving and publishing in one go is the same publish.
    const saved = await appErrorOf(
      saveRevision({
        actor: author,
        slug: "second-eyes",
        input: { baseRevision: 2, ...correction, body: "6 to 1.", publish: true },
      }),
    );
    expect(saved.details).toMatchObject({ rule: "corrections_need_second_editor" });
    expect(await historyCounts({ slug: "second-eyes" })).toEqual(before);

    const request = await submitReview({ actor: author, slug: "second-eyes", input: {} });
    const own = await appErrorOf(
      decideReview({
        actor: author,
        slug: "second-eyes",
        requestId: request.id,
        input: { decision: "approve" },
      }),
    );
    expect(own.code).toBe("forbidden");
    expect(own.userMessage).toBe(
      "A rule set by an admin: a correction is approved by a second editor, and you wrote or submitted this one. Ask another editor to approve it.",
    );
    await decideReview({
      actor: second,
      slug: "second-eyes",
      requestId: request.id,
      input: { decision: "approve" },
    });
    // The approver is not the one publishing either.
    const byApprover = await appErrorOf(
      publishRevision({ actor: second, slug: "second-eyes", number: 2, summary: "Corrects the vote" }),
    );
    expect(byApprover.userMessage).toMatch(/You approved this text yourself\./);
    const published = await publishRevision({
      actor: author,
      slug: "second-eyes",
      number: 2,
      summary: "Corrects the vote",
    });
    expect(published.story.liveRevisionNumber).toBe(3);
    expect(published.revision.kind).toBe("correction");
    // Covered by an approval: no "publish without review" line for it.
    const lines = await getDb().reviewEvent.findMany({
      where: { story: { slug: "second-eyes" }, action: "publish_without_review" },
      select: { revisionNumber: true },
    });
    expect(lines).toEqual([{ revisionNumber: 1 }]);
  });

  it("a later change after the approval needs a new look", async () => {
    await draftCorrection({ slug: "second-eyes-later", author });
    const request = await submitReview({ actor: author, slug: "second-eyes-later", input: {} });
    await decideReview({
      actor: second,
      slug: "second-eyes-later",
      requestId: request.id,
      input: { decision: "approve" },
    });
    await saveRevision({
      actor: author,
      slug: "second-eyes-later",
      input: { baseRevision: 2, ...correction, body: "The council voted 6 to 1 on Tuesday." },
    });
    const refused = await appErrorOf(
      publishRevision({ actor: author, slug: "second-eyes-later", number: 3, summary: "Corrects the vote" }),
    );
    expect(refused.userMessage).toMatch(
      /Not reviewed: approved by Ana Second for revision 2; revision 3 came after\. Ask another editor/,
    );
  });

  it("a scheduled publish lacking the approval is held with the reason, and nothing goes out", async () => {
    await draftCorrection({ slug: "second-eyes-schedule", author });
    const schedule = await scheduleRevision({
      actor: author,
      slug: "second-eyes-schedule",
      input: {
        revision: 2,
        runAt: new Date(Date.now() + 3_600_000).toISOString(),
        kind: "correction",
        summary: correction.summary,
        note: correction.note,
      },
    });
    await getDb().schedule.update({
      where: { id: schedule.id },
      data: { runAt: new Date(Date.now() - 1_000) },
    });
    const run = await runSchedule({ scheduleId: schedule.id });
    expect(run).toMatchObject({ outcome: "held" });
    expect(run.outcome === "held" && run.reason).toMatch(
      /^A rule set by an admin: a correction needs the approval/,
    );
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "second-eyes-schedule" } });
    expect(story.liveRevisionNumber).toBe(1);
    const held = await getDb().schedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(held.state).toBe("held");
  });

  it("with the approval, the scheduled publish goes out at its time", async () => {
    await draftCorrection({ slug: "second-eyes-schedule-ok", author });
    const request = await submitReview({ actor: author, slug: "second-eyes-schedule-ok", input: {} });
    await decideReview({
      actor: second,
      slug: "second-eyes-schedule-ok",
      requestId: request.id,
      input: { decision: "approve" },
    });
    const schedule = await scheduleRevision({
      actor: author,
      slug: "second-eyes-schedule-ok",
      input: {
        revision: 2,
        runAt: new Date(Date.now() + 3_600_000).toISOString(),
        kind: "correction",
        summary: correction.summary,
        note: correction.note,
      },
    });
    await getDb().schedule.update({
      where: { id: schedule.id },
      data: { runAt: new Date(Date.now() - 1_000) },
    });
    expect(await runSchedule({ scheduleId: schedule.id })).toMatchObject({
      outcome: "published",
      revisionNumber: 3,
    });
  });
});

describe("contributors' work needs approval", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor", name: "Eve Editor" });
    contributor = await createTestActor({ role: "contributor", name: "Cal Contributor" });
  });
  beforeEach(() => rules({ contributorsNeedApproval: true, correctionsNeedSecondEditor: false }));

  it("refuses publishing a contributor's draft until an editor approves it; the approver may publish", async () => {
    await createTestStory({ actor: editor, slug: "contrib-rule", publish: true });
    await saveRevision({
      actor: contributor,
      slug: "contrib-rule",
      input: { baseRevision: 1, summary: "Adds the vote", body: "The council voted 5 to 2." },
    });
    const refused = await appErrorOf(
      publishRevision({ actor: editor, slug: "contrib-rule", number: 2, summary: "Corrects the vote" }),
    );
    expect(refused.userMessage).toBe(
      "A rule set by an admin: contributors’ work needs an editor’s approval before it is published, and this includes revision 2 by Cal Contributor. Not reviewed. Ask for review, or approve the request first.",
    );
    const request = await submitReview({ actor: contributor, slug: "contrib-rule", input: {} });
    await decideReview({
      actor: editor,
      slug: "contrib-rule",
      requestId: request.id,
      input: { decision: "approve" },
    });
    expect(
      (
        await publishRevision({
          actor: editor,
          slug: "contrib-rule",
          number: 2,
          summary: "Corrects the vote",
        })
      ).story.liveRevisionNumber,
    ).toBe(3);
  });

  it("an editor's own work goes out without review, and the history says so", async () => {
    await createTestStory({ actor: editor, slug: "editor-own", publish: true });
    await saveRevision({
      actor: editor,
      slug: "editor-own",
      input: { baseRevision: 1, summary: "Adds the vote", body: "The council voted 5 to 2.", publish: true },
    });
    const lines = await getDb().reviewEvent.findMany({
      where: { story: { slug: "editor-own" }, action: "publish_without_review" },
      orderBy: { revisionNumber: "asc" },
      select: { revisionNumber: true, note: true, actorId: true },
    });
    expect(lines).toEqual([
      { revisionNumber: 1, note: "Not reviewed", actorId: editor.userId },
      { revisionNumber: 2, note: "Not reviewed", actorId: editor.userId },
    ]);
  });
});
