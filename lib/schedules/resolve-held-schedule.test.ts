import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory, historyCounts } from "@/lib/revisions/test-stories";

import { readHeldScheduleMerge } from "./held-schedule-merge";
import { resolveHeldSchedule } from "./resolve-held-schedule";
import { runSchedule } from "./run-schedule";
import { scheduleRevision } from "./schedule-revision";

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function makeDue(scheduleId: string) {
  await getDb().schedule.update({ where: { id: scheduleId }, data: { runAt: new Date(Date.now() - 1_000) } });
}

/**
 * Everything a refused resolution must leave as it was: the history counts, the story's schedules and their
 * states.
 */
async function snapshot(slug: string) {
  const counts = await historyCounts({ slug });
  const schedules = await getDb().schedule.findMany({
    where: { storyId: counts.story.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, state: true },
  });
  return { ...counts, schedules };
}

/**
 * A live story (revision 1) whose scheduled update (revision 2, the third and last paragraphs) was held:
 * revision 3, a fix to the first paragraph, was published by hand before its time (leaving the schedule to go
 * out at its time), and revision 4, saved since, changed the third paragraph as well.
 */
async function heldSchedule(options: { slug: string; editor: Actor }) {
  const { slug, editor } = options;
  await createTestStory({
    actor: editor,
    slug,
    publish: true,
    body: "Alpha.\n\nBravo.\n\nCharlie.\n\nDelta.\n\nEcho.",
  });
  await saveRevision({
    actor: editor,
    slug,
    input: {
      baseRevision: 1,
      summary: "Bravo from the court",
      body: "Alpha.\n\nBravo.\n\nCharlie, says the court.\n\nDelta.\n\nEcho, updated.",
    },
  });
  const schedule = await scheduleRevision({
    actor: editor,
    slug,
    input: { revision: 2, runAt: inAnHour(), summary: "Adds the court's view" },
  });
  const pendingSchedules = { ids: [schedule.id], choice: "leave" as const };
  await saveRevision({
    actor: editor,
    slug,
    input: {
      baseRevision: 2,
      summary: "Fixes Alpha",
      body: "Alpha fixed.\n\nBravo.\n\nCharlie, says the court.\n\nDelta.\n\nEcho, updated.",
      publish: true,
      pendingSchedules,
    },
  });
  await saveRevision({
    actor: editor,
    slug,
    input: {
      baseRevision: 3,
      summary: "Bravo from the police",
      body: "Alpha fixed.\n\nBravo.\n\nCharlie, say the police.\n\nDelta.\n\nEcho.",
    },
  });
  await makeDue(schedule.id);
  expect(await runSchedule({ scheduleId: schedule.id })).toMatchObject({ outcome: "held" });
  return schedule;
}

describe("resolving a held schedule", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("shows anyone on the desk the three-way merge; a contributor cannot act on it and nothing changes", async () => {
    const schedule = await heldSchedule({ slug: "held-view", editor });
    const view = await readHeldScheduleMerge({
      actor: contributor,
      slug: "held-view",
      scheduleId: schedule.id,
    });
    expect(view.schedule.state).toBe("held");
    expect(view.merge).toMatchObject({
      baseRevision: 1,
      oursRevision: 2,
      theirsRevision: 4,
      theirsIsLive: false,
    });
    // The first paragraph (theirs only) and the last (ours only) merged by themselves; the third needs a
    // person.
    expect(view.merge!.merge.conflicts).toEqual([
      expect.objectContaining({
        field: "body",
        base: "Charlie.",
        ours: "Charlie, says the court.",
        theirs: "Charlie, say the police.",
      }),
    ]);
    expect(view.merge!.merge.merged.body).toBe(
      "Alpha fixed.\n\nBravo.\n\nCharlie, say the police.\n\nDelta.\n\nEcho, updated.",
    );

    const before = await snapshot("held-view");
    const choices = { [view.merge!.merge.conflicts[0]!.id]: { pick: "ours" as const } };
    const refused = await appErrorOf(
      resolveHeldSchedule({
        actor: contributor,
        slug: "held-view",
        scheduleId: schedule.id,
        input: { againstRevision: 4, choices, action: "schedule", runAt: inAnHour() },
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect(await snapshot("held-view")).toEqual(before);
  });

  it("refuses stale or incomplete input with a sentence, and writes nothing", async () => {
    const schedule = await heldSchedule({ slug: "held-stale", editor });
    const view = await readHeldScheduleMerge({ actor: editor, slug: "held-stale", scheduleId: schedule.id });
    const conflictId = view.merge!.merge.conflicts[0]!.id;
    const resolve = (input: Record<string, unknown>) =>
      appErrorOf(
        resolveHeldSchedule({
          actor: editor,
          slug: "held-stale",
          scheduleId: schedule.id,
          input: {
            againstRevision: 4,
            choices: { [conflictId]: { pick: "ours" } },
            action: "schedule",
            runAt: inAnHour(),
            ...input,
          },
        }),
      );

    const before = await snapshot("held-stale");
    expect(await resolve({ choices: {} })).toMatchObject({
      code: "validation_failed",
      userMessage: expect.stringContaining("decide every conflict"),
    });
    expect(
      await resolve({ choices: { [conflictId]: { pick: "ours" }, "body-9": { pick: "ours" } } }),
    ).toMatchObject({ code: "validation_failed" });
    // The time is checked after the draft is written: the refusal must take the draft back with it.
    expect((await resolve({ runAt: new Date(Date.now() - 60_000).toISOString() })).userMessage).toContain(
      "already passed",
    );
    expect((await resolve({ runAt: undefined, localTime: "2027-03-14T02:30" })).userMessage).toMatch(
      /does not exist.*Choose/,
    );
    expect((await resolve({ action: "publish" })).code).toBe("validation_failed");
    expect(await snapshot("held-stale")).toEqual(before);

    // Someone saves while the editor decides: the merge they saw is out of date.
    await saveRevision({
      actor: editor,
      slug: "held-stale",
      input: {
        baseRevision: 4,
        summary: "Adds a line",
        body: "Alpha fixed.\n\nBravo.\n\nCharlie, say the police.\n\nDelta.\n\nEcho.\n\nFoxtrot.",
      },
    });
    const moved = await snapshot("held-stale");
    const stale = await resolve({});
    expect(stale).toMatchObject({ code: "conflict", details: { againstRevision: 4, latestRevision: 5 } });
    expect(stale.userMessage).toContain("Revision 5 was saved after you opened this merge");
    expect(await snapshot("held-stale")).toEqual(moved);
  });

  it("refuses decisions made before a legal removal, whose own text could bring it back", async () => {
    const schedule = await heldSchedule({ slug: "held-removal", editor });
    const view = await readHeldScheduleMerge({
      actor: editor,
      slug: "held-removal",
      scheduleId: schedule.id,
    });
    const conflictId = view.merge!.merge.conflicts[0]!.id;
    const [asker, approver] = await Promise.all([
      createTestActor({ role: "admin" }),
      createTestActor({ role: "admin" }),
    ]);
    const asked = await requestLegalRemoval({
      actor: asker,
      slug: "held-removal",
      input: {
        items: [{ kind: "passage", field: "body", text: "say the police" }],
        internalReason: "Names an officer under protection.",
        publicNotice: "This story was edited on legal advice.",
        noticePlacement: "foot",
      },
    });
    await approveLegalRemoval({ actor: approver, number: asked.number });
    const before = await snapshot("held-removal");
    const resolve = (seen: Record<string, unknown>) =>
      resolveHeldSchedule({
        actor: editor,
        slug: "held-removal",
        scheduleId: schedule.id,
        input: {
          againstRevision: 4,
          choices: { [conflictId]: { text: "Charlie, say the police." } },
          action: "schedule",
          runAt: inAnHour(),
          ...seen,
        },
      });
    for (const seen of [{}, { legalRemovalsSeen: 0 }])
      expect(await appErrorOf(resolve(seen))).toMatchObject({
        code: "conflict",
        details: { reason: "legal_removal", legalRemovalCount: 1 },
      });
    expect(await snapshot("held-removal")).toEqual(before);
  });

  it("saves the merged text as a new revision, schedules it, marks the held one resolved; the new schedule runs", async () => {
    const schedule = await heldSchedule({ slug: "held-reschedule", editor });
    const view = await readHeldScheduleMerge({
      actor: editor,
      slug: "held-reschedule",
      scheduleId: schedule.id,
    });
    const conflictId = view.merge!.merge.conflicts[0]!.id;
    const result = await resolveHeldSchedule({
      actor: editor,
      slug: "held-reschedule",
      scheduleId: schedule.id,
      input: {
        againstRevision: 4,
        choices: { [conflictId]: { text: "Charlie, say the police and the court." } },
        action: "schedule",
        runAt: inAnHour(),
      },
    });
    expect(result.published).toBe(false);
    expect(result.revision).toMatchObject({
      number: 5,
      published: false,
      baseNumber: 4,
      summary: "Adds the court's view",
      author: { id: editor.userId },
    });
    expect(result.revision.content.body).toBe(
      "Alpha fixed.\n\nBravo.\n\nCharlie, say the police and the court.\n\nDelta.\n\nEcho, updated.",
    );
    expect(result.schedule).toMatchObject({
      state: "resolved",
      resolvedNumber: 5,
      resolvedBy: { id: editor.userId },
      supersededById: result.nextSchedule!.id,
      heldAgainstNumber: 4,
    });
    expect(result.schedule.heldReason).toContain("Revision 3 was published after this was scheduled");
    expect(result.nextSchedule).toMatchObject({
      state: "pending",
      revisionNumber: 5,
      summary: "Adds the court's view",
      liveNumberAtSchedule: 3,
    });
    expect(result.story.liveRevisionNumber).toBe(3);

    const events = await getDb().storyStatusEvent.findMany({
      where: { story: { slug: "held-reschedule" } },
      orderBy: { createdAt: "asc" },
      select: { action: true, reason: true, actorId: true },
    });
    expect(events.map((event) => event.action)).toEqual([
      "publish",
      "schedule",
      "publish",
      "hold_schedule",
      "schedule",
      "resolve_schedule",
    ]);
    expect(events.at(-1)).toMatchObject({
      actorId: editor.userId,
      reason: expect.stringMatching(
        /^Held schedule of revision 2 resolved: merged with revision 4 as revision 5, to go live at /,
      ),
    });
    // Settled once: a second attempt is refused and changes nothing.
    const before = await snapshot("held-reschedule");
    const again = await appErrorOf(
      resolveHeldSchedule({
        actor: editor,
        slug: "held-reschedule",
        scheduleId: schedule.id,
        input: { againstRevision: 5, choices: {}, action: "schedule", runAt: inAnHour() },
      }),
    );
    expect(again).toMatchObject({
      code: "conflict",
      userMessage: expect.stringContaining("already resolved"),
    });
    expect(await snapshot("held-reschedule")).toEqual(before);

    await makeDue(result.nextSchedule!.id);
    expect(await runSchedule({ scheduleId: result.nextSchedule!.id })).toMatchObject({
      outcome: "published",
      revisionNumber: 6,
    });
    const live = await getDb().revision.findFirstOrThrow({
      where: { story: { slug: "held-reschedule" }, number: 6 },
    });
    expect(live).toMatchObject({
      body: "Alpha fixed.\n\nBravo.\n\nCharlie, say the police and the court.\n\nDelta.\n\nEcho, updated.",
      summary: "Adds the court's view",
      kind: "update",
    });
  });

  it("publishes the merged text now, once, with a retried key answering the same; the held schedule is resolved", async () => {
    const schedule = await heldSchedule({ slug: "held-publish", editor });
    const view = await readHeldScheduleMerge({
      actor: editor,
      slug: "held-publish",
      scheduleId: schedule.id,
    });
    const input = {
      againstRevision: 4,
      choices: { [view.merge!.merge.conflicts[0]!.id]: { pick: "both" } },
      action: "publish",
      summary: "Adds both accounts",
    };
    const result = await resolveHeldSchedule({
      actor: editor,
      slug: "held-publish",
      scheduleId: schedule.id,
      input,
      idempotencyKey: "held-publish-1",
    });
    expect(result).toMatchObject({
      published: true,
      nextSchedule: null,
      revision: { number: 5, published: true, summary: "Adds both accounts" },
      story: { liveRevisionNumber: 5 },
    });
    expect(result.revision.content.body).toBe(
      "Alpha fixed.\n\nBravo.\n\nCharlie, says the court.\n\nCharlie, say the police.\n\nDelta.\n\nEcho, updated.",
    );
    expect(result.schedule).toMatchObject({ state: "resolved", resolvedNumber: 5, supersededById: null });
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "held-publish" } });
    const revision = await getDb().revision.findFirstOrThrow({ where: { storyId: story.id, number: 5 } });
    expect(story.lastMaterialUpdateAt?.getTime()).toBe(revision.publishedAt?.getTime());

    const before = await snapshot("held-publish");
    const retry = await resolveHeldSchedule({
      actor: editor,
      slug: "held-publish",
      scheduleId: schedule.id,
      input,
      idempotencyKey: "held-publish-1",
    });
    expect(retry).toMatchObject({ published: true, revision: { number: 5 } });
    expect(await snapshot("held-publish")).toEqual(before);
    const reused = await appErrorOf(
      resolveHeldSchedule({
        actor: editor,
        slug: "held-publish",
        scheduleId: schedule.id,
        input: { ...input, summary: "Other" },
        idempotencyKey: "held-publish-1",
      }),
    );
    expect(reused.code).toBe("unprocessable");
    const events = await getDb().storyStatusEvent.findMany({
      where: { storyId: story.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, reason: true },
    });
    expect(events.slice(-2)).toEqual([
      {
        action: "publish",
        reason: "Held schedule of revision 2, merged with revision 4 and published on the desk.",
      },
      {
        action: "resolve_schedule",
        reason:
          "Held schedule of revision 2 resolved: merged with revision 4 and published now as revision 5.",
      },
    ]);
  });
});
