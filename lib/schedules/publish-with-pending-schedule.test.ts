import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { readPublicChangeLog } from "@/lib/public/public-change-log";
import { readPublishedStory } from "@/lib/public/published-story";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory, historyCounts } from "@/lib/revisions/test-stories";

import { cancelSchedule } from "./cancel-schedule";
import { embargoStory } from "./embargo-story";
import { runSchedule } from "./run-schedule";
import { scheduleRevision } from "./schedule-revision";

const embargoed = "Results: the council vote passed 7 to 2.";
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function makeDue(scheduleId: string) {
  await getDb().schedule.update({ where: { id: scheduleId }, data: { runAt: new Date(Date.now() - 1_000) } });
}

/** What readers get on the story page: its text and its "Updated" instant. */
async function readersSee(slug: string) {
  const { article } = await readPublishedStory({ slug });
  const story = await getDb().story.findUniqueOrThrow({
    where: { slug },
    select: { lastMaterialUpdateAt: true },
  });
  return {
    text: `${article.headline}\n${article.body}`,
    headline: article.headline,
    updated: story.lastMaterialUpdateAt?.toISOString() ?? null,
  };
}

/**
 * Editor A's story is live (revision 1); A saves the embargoed results as revision 2 and schedules it in an
 * hour. Editor B then fixes the headline on top of it (their desk shows the newest revision, so their draft
 * carries the results).
 */
async function scheduledEmbargo(options: { slug: string; a: Actor }) {
  const { slug, a } = options;
  await createTestStory({
    actor: a,
    slug,
    publish: true,
    body: "The council meets at noon.\n\nMore to come.",
  });
  await saveRevision({
    actor: a,
    slug,
    input: { baseRevision: 1, summary: "Adds the vote", body: `The council meets at noon.\n\n${embargoed}` },
  });
  const schedule = await scheduleRevision({
    actor: a,
    slug,
    input: { revision: 2, runAt: inAnHour(), summary: "Adds the vote" },
  });
  return schedule;
}

describe("publishing while a schedule waits", () => {
  let a: Actor;
  let b: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    a = await createTestActor({ role: "editor", name: "Ann Editor" });
    b = await createTestActor({ role: "editor", name: "Bo Editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  // Guards issue 18 defect 1: a colleague's headline fix published the embargoed draft early, and the
  // schedule ran again.
  it("refuses a publish that does not say what to do with the schedule, naming it; 'leave' publishes only the fix and the schedule runs once, at its time", async () => {
    const schedule = await scheduledEmbargo({ slug: "embargo-fix", a });
    const before = await readersSee("embargo-fix");
    const counts = await historyCounts({ slug: "embargo-fix" });
    const fix = {
      baseRevision: 2,
      summary: "Fixes the headline",
      headline: "Council votes today",
      publish: true,
    };

    const refused = await appErrorOf(saveRevision({ actor: b, slug: "embargo-fix", input: fix }));
    expect(refused.code).toBe("conflict");
    expect(refused.userMessage).toMatch(
      /revision 2, scheduled by Ann Editor for .*Say whether to publish only your change/,
    );
    expect(refused.details).toMatchObject({
      pendingSchedules: [
        { id: schedule.id, revisionNumber: 2, scheduledBy: { name: "Ann Editor" }, runAt: schedule.runAt },
      ],
    });
    expect(await historyCounts({ slug: "embargo-fix" })).toEqual(counts);

    const published = await saveRevision({
      actor: b,
      slug: "embargo-fix",
      input: { ...fix, pendingSchedules: { ids: [schedule.id], choice: "leave" } },
    });
    expect(published).toMatchObject({
      outcome: "created",
      readers: "changed",
      revision: { number: 3, published: true },
    });
    const afterFix = await readersSee("embargo-fix");
    expect(afterFix.headline).toBe("Council votes today");
    expect(afterFix.text).not.toContain(embargoed);
    expect(afterFix.updated).not.toBe(before.updated);
    expect((await getDb().schedule.findUniqueOrThrow({ where: { id: schedule.id } })).state).toBe("pending");

    await makeDue(schedule.id);
    expect(await runSchedule({ scheduleId: schedule.id })).toMatchObject({
      outcome: "published",
      revisionNumber: 4,
    });
    const atItsTime = await readersSee("embargo-fix");
    expect(atItsTime.headline).toBe("Council votes today");
    expect(atItsTime.text).toContain(embargoed);
    expect(atItsTime.updated).not.toBe(afterFix.updated);
    expect(await runSchedule({ scheduleId: schedule.id })).toEqual({
      outcome: "skipped",
      reason: "not_pending",
    });
    expect(await readersSee("embargo-fix")).toEqual(atItsTime);
  });

  // Guards issue 18 defect 1 (the explicit way): including the schedule settles it in the same publish, and
  // it never runs.
  it("'include' publishes the scheduled text now, records 'published early by' and settles the schedule so it never runs", async () => {
    const schedule = await scheduledEmbargo({ slug: "embargo-include", a });
    const published = await saveRevision({
      actor: b,
      slug: "embargo-include",
      input: {
        baseRevision: 2,
        summary: "Fixes the headline",
        headline: "Council votes today",
        publish: true,
        pendingSchedules: { ids: [schedule.id], choice: "include" },
      },
    });
    expect((await readersSee("embargo-include")).text).toContain(embargoed);
    const row = await getDb().schedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(row).toMatchObject({
      state: "done",
      publishedNumber: published.revision.number,
      resolvedById: b.userId,
    });
    const event = await getDb().storyStatusEvent.findFirstOrThrow({
      where: { story: { slug: "embargo-include" }, action: "publish", revisionNumber: 3 },
    });
    expect(event.reason).toMatch(
      /^Published early by Bo Editor, including revision 2 \(scheduled by Ann Editor for .*\); that schedule will not run\.$/,
    );
    const afterPublish = await readersSee("embargo-include");
    await makeDue(schedule.id);
    expect(await runSchedule({ scheduleId: schedule.id })).toEqual({
      outcome: "skipped",
      reason: "not_pending",
    });
    expect(await readersSee("embargo-include")).toEqual(afterPublish);
  });

  it("applies the same rule to publishing a draft from History and to a restore, and refuses a choice about schedules that changed", async () => {
    const schedule = await scheduledEmbargo({ slug: "embargo-routes", a });
    await saveRevision({
      actor: b,
      slug: "embargo-routes",
      input: { baseRevision: 2, summary: "Fixes the headline", headline: "Council votes today" },
    });
    const counts = await historyCounts({ slug: "embargo-routes" });
    expect(
      (
        await appErrorOf(
          publishRevision({ actor: b, slug: "embargo-routes", number: 3, summary: "Headline" }),
        )
      ).details,
    ).toMatchObject({ pendingSchedules: [{ id: schedule.id }] });
    expect(
      (await appErrorOf(restoreRevision({ actor: b, slug: "embargo-routes", number: 1, publish: true })))
        .details,
    ).toMatchObject({ pendingSchedules: [{ id: schedule.id }] });
    // A contributor may not publish at all, whatever they say about the schedule.
    const forbidden = await appErrorOf(
      publishRevision({
        actor: contributor,
        slug: "embargo-routes",
        number: 3,
        summary: "Headline",
        pendingSchedules: { ids: [schedule.id], choice: "include" },
      }),
    );
    expect(forbidden.code).toBe("forbidden");
    expect(await historyCounts({ slug: "embargo-routes" })).toEqual(counts);

    const left = await publishRevision({
      actor: b,
      slug: "embargo-routes",
      number: 3,
      summary: "Headline",
      pendingSchedules: { ids: [schedule.id], choice: "leave" },
    });
    expect(left).toMatchObject({ outcome: "created", readers: "changed" });
    expect((await readersSee("embargo-routes")).text).not.toContain(embargoed);

    await cancelSchedule({ actor: a, slug: "embargo-routes", scheduleId: schedule.id });
    await saveRevision({
      actor: b,
      slug: "embargo-routes",
      input: { baseRevision: 4, summary: "More", body: "The council meets at one." },
    });
    const stale = await appErrorOf(
      publishRevision({
        actor: b,
        slug: "embargo-routes",
        number: 5,
        summary: "More",
        pendingSchedules: { ids: [schedule.id], choice: "leave" },
      }),
    );
    expect(stale).toMatchObject({
      code: "conflict",
      userMessage: expect.stringContaining("already run or was cancelled"),
    });
  });

  it("holds an embargoed story to the same rule: a publish while its schedule waits must say leave or include", async () => {
    await createTestStory({ actor: a, slug: "embargoed-story" });
    await embargoStory({ actor: a, slug: "embargoed-story", input: { runAt: inAnHour() } });
    await saveRevision({
      actor: a,
      slug: "embargoed-story",
      input: { baseRevision: 1, summary: "Results", body: `First paragraph.\n\n${embargoed}` },
    });
    const schedule = await scheduleRevision({
      actor: a,
      slug: "embargoed-story",
      input: { revision: 2, runAt: inAnHour() },
    });
    const counts = await historyCounts({ slug: "embargoed-story" });
    const fix = { baseRevision: 2, summary: "Headline", headline: "A fixed headline", publish: true };
    expect(
      (await appErrorOf(saveRevision({ actor: b, slug: "embargoed-story", input: fix }))).details,
    ).toMatchObject({ pendingSchedules: [{ id: schedule.id }] });
    expect(await historyCounts({ slug: "embargoed-story" })).toEqual(counts);
    await saveRevision({
      actor: b,
      slug: "embargoed-story",
      input: { ...fix, pendingSchedules: { ids: [schedule.id], choice: "leave" } },
    });
    const live = await getDb().revision.findFirstOrThrow({
      where: { story: { slug: "embargoed-story" }, publishedAt: { not: null } },
      orderBy: { number: "desc" },
    });
    expect(live).toMatchObject({ headline: "A fixed headline" });
    expect(live.body).not.toContain(embargoed);
  });

  it("refuses 'leave' when the fix touches the scheduled paragraph itself, and writes nothing", async () => {
    const schedule = await scheduledEmbargo({ slug: "embargo-overlap", a });
    const counts = await historyCounts({ slug: "embargo-overlap" });
    const refused = await appErrorOf(
      saveRevision({
        actor: b,
        slug: "embargo-overlap",
        input: {
          baseRevision: 2,
          summary: "Typo",
          body: "The council meets at noon.\n\nResults: the council vote passed 7 to 3.",
          publish: true,
          pendingSchedules: { ids: [schedule.id], choice: "leave" },
        },
      }),
    );
    expect(refused).toMatchObject({
      code: "conflict",
      userMessage: expect.stringContaining("touches the same part of the story"),
    });
    expect(await historyCounts({ slug: "embargo-overlap" })).toEqual(counts);
  });
});

describe("a publish that changes nothing readers see", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  // Guards issue 18 defect 2: a sentence added in one draft and removed in the next still moved "Updated" and
  // logged an update.
  it("answers 'unchanged', moves no 'Updated' and adds no change-log entry, by History publish and by a save that publishes", async () => {
    await createTestStory({ actor: editor, slug: "no-visible-change", publish: true });
    await saveRevision({
      actor: editor,
      slug: "no-visible-change",
      input: {
        baseRevision: 1,
        summary: "Adds a line",
        body: "First paragraph.\n\nSecond paragraph.\n\nA sentence.",
      },
    });
    await saveRevision({
      actor: editor,
      slug: "no-visible-change",
      input: { baseRevision: 2, summary: "Takes it out", body: "First paragraph.\n\nSecond paragraph." },
    });
    const before = {
      readers: await readersSee("no-visible-change"),
      log: await readPublicChangeLog({ slug: "no-visible-change" }),
    };

    const published = await publishRevision({
      actor: editor,
      slug: "no-visible-change",
      number: 3,
      summary: "Takes it out",
    });
    expect(published).toMatchObject({ outcome: "unchanged", readers: "unchanged" });
    expect(await readersSee("no-visible-change")).toEqual(before.readers);
    expect(await readPublicChangeLog({ slug: "no-visible-change" })).toEqual(before.log);

    await saveRevision({
      actor: editor,
      slug: "no-visible-change",
      input: {
        baseRevision: 3,
        summary: "Adds it again",
        body: "First paragraph.\n\nSecond paragraph.\n\nA sentence.",
      },
    });
    const saved = await saveRevision({
      actor: editor,
      slug: "no-visible-change",
      input: {
        baseRevision: 4,
        summary: "Takes it out again",
        body: "First paragraph.\n\nSecond paragraph.",
        publish: true,
      },
    });
    expect(saved).toMatchObject({ readers: "unchanged", revision: { number: 5, published: false } });
    expect(await readersSee("no-visible-change")).toEqual(before.readers);
    expect(await readPublicChangeLog({ slug: "no-visible-change" })).toEqual(before.log);

    // A real change still goes out and moves "Updated".
    const real = await saveRevision({
      actor: editor,
      slug: "no-visible-change",
      input: { baseRevision: 5, summary: "New line", body: "First paragraph.\n\nNew line.", publish: true },
    });
    expect(real).toMatchObject({ readers: "changed", revision: { published: true } });
    expect((await readersSee("no-visible-change")).updated).toBe(real.revision.publishedAt);
    expect((await readPublicChangeLog({ slug: "no-visible-change" })).entries).toHaveLength(
      before.log.entries.length + 1,
    );
  });
});
