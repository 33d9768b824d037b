import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory, historyCounts } from "@/lib/revisions/test-stories";

import { cancelSchedule } from "./cancel-schedule";
import { listStorySchedules, listUpcomingSchedules } from "./list-schedules";
import { rescheduleRevision } from "./reschedule-revision";
import { runSchedule } from "./run-schedule";
import { scheduleRevision } from "./schedule-revision";

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** Moves a schedule's time into the past, as the clock would: the test's faked passage of time. */
async function makeDue(options: { scheduleId: string; agoMs?: number }) {
  const runAt = new Date(Date.now() - (options.agoMs ?? 1_000));
  await getDb().schedule.update({ where: { id: options.scheduleId }, data: { runAt } });
}

async function events(slug: string) {
  const story = await getDb().story.findUniqueOrThrow({ where: { slug } });
  return getDb().storyStatusEvent.findMany({
    where: { storyId: story.id },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, reason: true, revisionNumber: true, createdAt: true },
  });
}

/** A live story (revision 1) with a submitted update (revision 2) waiting to be scheduled. */
async function storyWithUpdate(options: { slug: string; editor: Actor }) {
  await createTestStory({ actor: options.editor, slug: options.slug, publish: true });
  await saveRevision({
    actor: options.editor,
    slug: options.slug,
    input: {
      baseRevision: 1,
      summary: "Adds the verdict",
      body: "First paragraph.\n\nSecond paragraph.\n\nThe verdict.",
    },
  });
}

describe("scheduled publishing", () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("schedules, lists, reschedules and cancels, each in the status history with who and when; contributors only look", async () => {
    await storyWithUpdate({ slug: "sched-basic", editor });
    const before = await historyCounts({ slug: "sched-basic" });
    const refused = await appErrorOf(
      scheduleRevision({
        actor: contributor,
        slug: "sched-basic",
        input: { revision: 2, runAt: inAnHour(), summary: "Verdict" },
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect(await historyCounts({ slug: "sched-basic" })).toEqual(before);

    const schedule = await scheduleRevision({
      actor: editor,
      slug: "sched-basic",
      input: { revision: 2, runAt: inAnHour(), summary: "Adds the verdict" },
    });
    expect(schedule).toMatchObject({
      state: "pending",
      revisionNumber: 2,
      createdBy: { id: editor.userId },
      liveNumberAtSchedule: 1,
    });
    expect(
      (await listStorySchedules({ actor: contributor, slug: "sched-basic" })).map((row) => row.id),
    ).toEqual([schedule.id]);
    expect(
      (await listUpcomingSchedules({ actor: contributor })).some(
        (row) => row.id === schedule.id && row.headline === "Headline of sched-basic",
      ),
    ).toBe(true);

    expect(
      (
        await appErrorOf(
          rescheduleRevision({
            actor: contributor,
            slug: "sched-basic",
            scheduleId: schedule.id,
            input: { runAt: inAnHour() },
          }),
        )
      ).code,
    ).toBe("forbidden");
    expect(
      (await appErrorOf(cancelSchedule({ actor: contributor, slug: "sched-basic", scheduleId: schedule.id })))
        .code,
    ).toBe("forbidden");

    const later = new Date(Date.now() + 7_200_000).toISOString();
    const moved = await rescheduleRevision({
      actor: editor,
      slug: "sched-basic",
      scheduleId: schedule.id,
      input: { runAt: later },
    });
    expect(moved.runAt).toBe(new Date(later).toISOString());
    const cancelled = await cancelSchedule({ actor: editor, slug: "sched-basic", scheduleId: schedule.id });
    expect(cancelled.state).toBe("cancelled");
    expect(
      (await appErrorOf(cancelSchedule({ actor: editor, slug: "sched-basic", scheduleId: schedule.id })))
        .userMessage,
    ).toContain("cancelled");
    expect(await runSchedule({ scheduleId: schedule.id })).toEqual({
      outcome: "skipped",
      reason: "not_pending",
    });

    const history = await events("sched-basic");
    expect(history.map((event) => event.action)).toEqual([
      "publish",
      "schedule",
      "reschedule",
      "cancel_schedule",
    ]);
    expect(
      history.slice(1).every((event) => event.actorId === editor.userId && event.revisionNumber === 2),
    ).toBe(true);
    expect(history[2]!.reason).toMatch(/moved from .* to /);
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "sched-basic" } });
    expect(story.liveRevisionNumber).toBe(1);
  });

  it("refuses bad input with a clear message and schedules nothing", async () => {
    await storyWithUpdate({ slug: "sched-bad", editor });
    await createTestStory({ actor: editor, slug: "sched-other", publish: true });
    await saveRevision({
      actor: editor,
      slug: "sched-other",
      input: { baseRevision: 1, summary: "x", body: "x" },
    });
    await saveRevision({
      actor: editor,
      slug: "sched-other",
      input: { baseRevision: 2, summary: "y", body: "y" },
    });
    const count = () => getDb().schedule.count({ where: { story: { slug: "sched-bad" } } });
    const cases: [unknown, RegExp][] = [
      [{ revision: 2, runAt: new Date(Date.now() - 60_000).toISOString() }, /already passed/],
      [
        { revision: 2, runAt: new Date(Date.now() + 370 * 86_400_000).toISOString() },
        /more than a year ahead/,
      ],
      [
        { revision: 2, localTime: "2027-03-14T02:30" },
        /does not exist.*Choose .*1:59 AM EST or .*3:00 AM EDT/,
      ],
      [
        { revision: 2, localTime: "2027-11-07T01:30" },
        /happens twice.*Which one.*EDT \(earlier\).*EST \(later\)/,
      ],
      [{ revision: 3, runAt: inAnHour() }, /no revision 3/],
      [{ revision: 2 }, /YYYY-MM-DD HH:MM/],
    ];
    for (const [input, message] of cases) {
      const error = await appErrorOf(scheduleRevision({ actor: editor, slug: "sched-bad", input }));
      expect(`${error.userMessage} ${JSON.stringify(error.details)}`).toMatch(message);
    }
    expect(await count()).toBe(0);
    await scheduleRevision({
      actor: editor,
      slug: "sched-bad",
      input: { revision: 2, runAt: inAnHour(), summary: "Verdict" },
    });
    const second = await appErrorOf(
      scheduleRevision({
        actor: editor,
        slug: "sched-bad",
        input: { revision: 2, runAt: inAnHour(), summary: "Verdict" },
      }),
    );
    expect(second.code).toBe("conflict");
    expect(second.userMessage).toContain("already scheduled");
    expect(await count()).toBe(1);
  });

  it("runs through the manual publish path once, with the real publish time; a second run does nothing", async () => {
    await storyWithUpdate({ slug: "sched-run", editor });
    const schedule = await scheduleRevision({
      actor: editor,
      slug: "sched-run",
      input: { revision: 2, runAt: inAnHour(), summary: "Adds the verdict" },
    });
    expect(await runSchedule({ scheduleId: schedule.id })).toEqual({ outcome: "skipped", reason: "not_due" });
    await makeDue({ scheduleId: schedule.id });
    const run = await runSchedule({ scheduleId: schedule.id });
    expect(run).toEqual({ outcome: "published", slug: "sched-run", revisionNumber: 3, late: false });
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "sched-run" } });
    const revision = await getDb().revision.findUniqueOrThrow({
      where: { storyId_number: { storyId: story.id, number: 3 } },
    });
    expect(revision).toMatchObject({
      kind: "update",
      summary: "Adds the verdict",
      authorId: editor.userId,
      body: "First paragraph.\n\nSecond paragraph.\n\nThe verdict.",
    });
    expect(story).toMatchObject({ liveRevisionNumber: 3 });
    expect(story.lastMaterialUpdateAt?.getTime()).toBe(revision.publishedAt?.getTime());
    expect(await runSchedule({ scheduleId: schedule.id })).toEqual({
      outcome: "skipped",
      reason: "not_pending",
    });
    const publishes = (await events("sched-run")).filter((event) => event.action === "publish");
    expect(publishes).toHaveLength(2);
    expect(publishes[1]!.reason).toMatch(/^Scheduled for /);
  });

  it("two runners at once publish exactly one revision and write one status event", async () => {
    await storyWithUpdate({ slug: "sched-race", editor });
    const schedule = await scheduleRevision({
      actor: editor,
      slug: "sched-race",
      input: { revision: 2, runAt: inAnHour(), summary: "Adds the verdict" },
    });
    await makeDue({ scheduleId: schedule.id });
    const before = await historyCounts({ slug: "sched-race" });
    const runs = await Promise.all([
      runSchedule({ scheduleId: schedule.id }),
      runSchedule({ scheduleId: schedule.id }),
    ]);
    expect(runs.map((run) => run.outcome).sort()).toEqual(["published", "skipped"]);
    const after = await historyCounts({ slug: "sched-race" });
    expect(after.revisions - before.revisions).toBe(1);
    expect(after.events - before.events).toBe(1);
  });

  it("a schedule missed while down runs late, marked late, with its real publish time", async () => {
    await storyWithUpdate({ slug: "sched-late", editor });
    const schedule = await scheduleRevision({
      actor: editor,
      slug: "sched-late",
      input: { revision: 2, runAt: inAnHour(), summary: "Adds the verdict" },
    });
    await makeDue({ scheduleId: schedule.id, agoMs: 10 * 60_000 });
    const due = (await getDb().schedule.findUniqueOrThrow({ where: { id: schedule.id } })).runAt;
    expect(await runSchedule({ scheduleId: schedule.id })).toMatchObject({
      outcome: "published",
      late: true,
    });
    const row = await getDb().schedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(row).toMatchObject({ state: "done", late: true, publishedNumber: 3 });
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "sched-late" } });
    // Readers' "Updated" is when it really went out, never the missed time.
    expect(story.lastMaterialUpdateAt!.getTime()).toBeGreaterThan(due.getTime() + 9 * 60_000);
    expect((await events("sched-late")).at(-1)!.reason).toMatch(
      /published late, at .* \(10 min after its time\)/,
    );
  });

  it("when the story was published again meanwhile: a clean merge goes out, a conflicting one is held", async () => {
    await createTestStory({
      actor: editor,
      slug: "sched-merge",
      publish: true,
      body: "Alpha.\n\nBravo.\n\nCharlie.",
    });
    // Revision 2: scheduled change to the last paragraph.
    await saveRevision({
      actor: editor,
      slug: "sched-merge",
      input: { baseRevision: 1, summary: "Charlie update", body: "Alpha.\n\nBravo.\n\nCharlie, updated." },
    });
    const clean = await scheduleRevision({
      actor: editor,
      slug: "sched-merge",
      input: { revision: 2, runAt: inAnHour(), summary: "Charlie update" },
    });
    // Revision 3: a fix to the first paragraph published by hand before the schedule runs.
    // The publisher leaves the schedule to go out at its time (lib/schedules/pending-schedule-choice.ts).
    await saveRevision({
      actor: editor,
      slug: "sched-merge",
      input: {
        baseRevision: 2,
        summary: "Fixes the first paragraph",
        body: "Alpha fixed.\n\nBravo.\n\nCharlie.",
        publish: true,
        pendingSchedules: { ids: [clean.id], choice: "leave" },
      },
    });
    await makeDue({ scheduleId: clean.id });
    expect(await runSchedule({ scheduleId: clean.id })).toMatchObject({
      outcome: "published",
      revisionNumber: 4,
    });
    const merged = await getDb().revision.findFirstOrThrow({
      where: { story: { slug: "sched-merge" }, number: 4 },
    });
    expect(merged.body).toBe("Alpha fixed.\n\nBravo.\n\nCharlie, updated.");

    await saveRevision({
      actor: editor,
      slug: "sched-merge",
      input: { baseRevision: 4, summary: "Bravo A", body: "Alpha fixed.\n\nBravo A.\n\nCharlie, updated." },
    });
    const conflicting = await scheduleRevision({
      actor: editor,
      slug: "sched-merge",
      input: { revision: 5, runAt: inAnHour(), summary: "Bravo A" },
    });
    // A fix elsewhere goes out by hand, leaving the schedule; then a draft changes the scheduled paragraph.
    await saveRevision({
      actor: editor,
      slug: "sched-merge",
      input: {
        baseRevision: 5,
        summary: "Charlie fix",
        body: "Alpha fixed.\n\nBravo A.\n\nCharlie, updated again.",
        publish: true,
        pendingSchedules: { ids: [conflicting.id], choice: "leave" },
      },
    });
    await saveRevision({
      actor: editor,
      slug: "sched-merge",
      input: {
        baseRevision: 6,
        summary: "Bravo B",
        body: "Alpha fixed.\n\nBravo B.\n\nCharlie, updated again.",
      },
    });
    await makeDue({ scheduleId: conflicting.id });
    const held = await runSchedule({ scheduleId: conflicting.id });
    expect(held).toMatchObject({ outcome: "held" });
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "sched-merge" } });
    expect(story.liveRevisionNumber).toBe(6);
    const live = await getDb().revision.findFirstOrThrow({ where: { storyId: story.id, number: 6 } });
    expect(live.body).toBe("Alpha fixed.\n\nBravo.\n\nCharlie, updated again.");
    const row = await getDb().schedule.findUniqueOrThrow({ where: { id: conflicting.id } });
    expect(row).toMatchObject({ state: "held", heldAgainstNumber: 7 });
    expect(row.heldReason).toContain(
      "Revision 6 was published after this was scheduled and revision 7 has been saved since",
    );
    expect((await events("sched-merge")).at(-1)).toMatchObject({
      action: "hold_schedule",
      actorId: editor.userId,
    });
  });
});
