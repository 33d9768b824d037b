import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { readOutgoingRevisions } from "@/lib/desk/outgoing-revisions";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { getStoryDetail } from "@/lib/revisions/story-detail";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";

import { leaveScheduledOut } from "./leave-scheduled-out";
import { previewRestoreScheduleChoice } from "./pending-schedule-choice";
import { previewScheduleTime } from "./preview-schedule-time";
import { listSchedulableRevisions } from "./schedulable-revisions";
import { scheduleRevision } from "./schedule-revision";

describe("what the schedule confirmation reads", () => {
  let editor: Actor;
  let contributor: Actor;
  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  it("reads a typed time as scheduling will (newsroom zone, the database's clock); a contributor is refused", async () => {
    const at = new Date(Date.now() + 3 * 86_400_000);
    const preview = await previewScheduleTime({ actor: editor, input: { runAt: at.toISOString() } });
    expect(preview.runAt).toBe(at.toISOString());
    expect(preview.label).toMatch(/\d{1,2}:\d{2} (AM|PM)/);
    expect(
      (await appErrorOf(previewScheduleTime({ actor: contributor, input: { runAt: at.toISOString() } })))
        .code,
    ).toBe("forbidden");
    expect(
      (
        await appErrorOf(
          previewScheduleTime({
            actor: editor,
            input: { runAt: new Date(Date.now() - 60_000).toISOString() },
          }),
        )
      ).userMessage,
    ).toContain("has already passed");
  });

  it("lists the drafts since live, newest first, marking one already scheduled (no numbers to type)", async () => {
    await createTestStory({ actor: editor, slug: "schedulable", publish: true });
    expect(await listSchedulableRevisions({ actor: editor, slug: "schedulable" })).toEqual([]);
    await saveRevision({
      actor: contributor,
      slug: "schedulable",
      input: { baseRevision: 1, summary: "Two", body: "Two." },
    });
    await saveRevision({
      actor: editor,
      slug: "schedulable",
      input: { baseRevision: 2, summary: "Three", body: "Three." },
    });
    await scheduleRevision({
      actor: editor,
      slug: "schedulable",
      input: { revision: 2, runAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const listed = await listSchedulableRevisions({ actor: editor, slug: "schedulable" });
    expect(listed.map((draft) => [draft.number, draft.authorName, draft.alreadyScheduled])).toEqual([
      [3, editor.name, false],
      [2, contributor.name, true],
    ]);
  });

  it("gives the live content and every draft since with its author, for comparing against what readers have", async () => {
    await createTestStory({ actor: editor, slug: "outgoing", publish: true, body: "Live text." });
    await saveRevision({
      actor: contributor,
      slug: "outgoing",
      input: { baseRevision: 1, summary: "Adds", body: "Live text.\n\nA contributor's line." },
    });
    const outgoing = await readOutgoingRevisions({ actor: contributor, slug: "outgoing" });
    expect(outgoing.liveNumber).toBe(1);
    expect(outgoing.live?.body).toBe("Live text.");
    expect(outgoing.drafts.map((draft) => [draft.number, draft.authorName, draft.content.body])).toEqual([
      [2, contributor.name, "Live text.\n\nA contributor's line."],
    ]);
  });

  // Guards: the publish confirmation showed the embargoed draft as going out when "leave" would publish
  // without it.
  it("gives a waiting schedule and the sides of the publish's leave-merge, so the confirmation shows exactly what 'leave' then puts live", async () => {
    await createTestStory({
      actor: editor,
      slug: "outgoing-leave",
      publish: true,
      body: "Polls closed.\n\nCounting has begun.",
    });
    await saveRevision({
      actor: editor,
      slug: "outgoing-leave",
      input: { baseRevision: 1, summary: "Results", body: "Polls closed.\n\nWard 3 voted yes." },
    });
    const schedule = await scheduleRevision({
      actor: editor,
      slug: "outgoing-leave",
      input: { revision: 2, runAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const outgoing = await readOutgoingRevisions({ actor: contributor, slug: "outgoing-leave" });
    expect(
      outgoing.pendingSchedules.map((brief) => [brief.id, brief.revisionNumber, brief.scheduledBy.name]),
    ).toEqual([[schedule.id, 2, editor.name]]);
    expect(outgoing.leaveOut?.scheduledNumber).toBe(2);
    // A colleague's headline fix on the newest revision, which holds the scheduled results.
    const ours = { ...outgoing.drafts[0]!.content, headline: "Polls close in the city" };
    const shown = leaveScheduledOut({
      scheduled: outgoing.leaveOut!.scheduled,
      ours,
      without: outgoing.leaveOut!.without,
    });
    const merged = shown.status === "merged" ? shown.content : null;
    expect(merged).toMatchObject({
      headline: "Polls close in the city",
      body: "Polls closed.\n\nCounting has begun.",
    });
    await saveRevision({
      actor: editor,
      slug: "outgoing-leave",
      input: {
        baseRevision: 2,
        summary: "Names the city",
        headline: "Polls close in the city",
        publish: true,
        pendingSchedules: { ids: [schedule.id], choice: "leave" },
      },
    });
    const { live } = await getStoryDetail({ actor: editor, slug: "outgoing-leave" });
    expect(live?.content).toEqual(merged);
  });

  // Guards: the desk's restore dialog offered "leave" while a schedule waited, and only the server's 409 told
  // otherwise.
  it("tells a restore's dialog which schedules wait and whether restoring without them would be refused; a contributor is refused", async () => {
    await createTestStory({
      actor: editor,
      slug: "restore-leave",
      publish: true,
      body: "Polls closed.\n\nCounting has begun.",
    });
    await saveRevision({
      actor: editor,
      slug: "restore-leave",
      input: { baseRevision: 1, summary: "Fix", headline: "Polls close in the city", publish: true },
    });
    await saveRevision({
      actor: editor,
      slug: "restore-leave",
      input: { baseRevision: 2, summary: "Results", body: "Polls closed.\n\nWard 3 voted yes." },
    });
    const schedule = await scheduleRevision({
      actor: editor,
      slug: "restore-leave",
      input: { revision: 3, runAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    // Restoring revision 1 takes back the headline fix only: it can go out without the schedule.
    const clean = await previewRestoreScheduleChoice({ actor: editor, slug: "restore-leave", number: 1 });
    expect(clean.schedules.map((brief) => brief.id)).toEqual([schedule.id]);
    expect(clean.leaveRefusal).toBeNull();
    // A draft that rewrites the scheduled paragraph, restored, overlaps the schedule: "leave" would be
    // refused.
    await saveRevision({
      actor: editor,
      slug: "restore-leave",
      input: { baseRevision: 3, summary: "Ward", body: "Polls closed.\n\nWard 4 voted yes." },
    });
    await saveRevision({
      actor: editor,
      slug: "restore-leave",
      input: { baseRevision: 4, summary: "Back", body: "Polls closed.\n\nWard 3 voted yes." },
    });
    expect(
      (await previewRestoreScheduleChoice({ actor: editor, slug: "restore-leave", number: 4 })).leaveRefusal,
    ).toContain("touches the same part of the story as the scheduled revision 3");
    const refused = await appErrorOf(
      restoreRevision({
        actor: editor,
        slug: "restore-leave",
        number: 4,
        publish: true,
        pendingSchedules: { ids: [schedule.id], choice: "leave" },
      }),
    );
    expect(refused.code).toBe("conflict");
    expect(
      (
        await appErrorOf(
          previewRestoreScheduleChoice({ actor: contributor, slug: "restore-leave", number: 1 }),
        )
      ).code,
    ).toBe("forbidden");
  });
});
