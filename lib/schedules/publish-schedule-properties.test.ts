import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { readPublishedStory } from "@/lib/public/published-story";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory } from "@/lib/revisions/test-stories";

import { cancelSchedule } from "./cancel-schedule";
import type { PendingSchedulesInput } from "./pending-schedules-input";
import { rescheduleRevision } from "./reschedule-revision";
import { runSchedule } from "./run-schedule";
import { scheduleRevision } from "./schedule-revision";

/*
 * Issue 18's property: for random sequences of save, publish (leaving or including waiting schedules, or
 * saying nothing), schedule, reschedule, cancel, restore and scheduled run, readers never see a waiting
 * schedule's text before its time unless a publish included it; "Updated" moves exactly when what readers see
 * changed; every schedule runs at most once. Every line of a story body is a numbered marker, so "its text"
 * is a set of markers.
 */

type Edit =
  { kind: "add"; pick: number } | { kind: "remove"; pick: number } | { kind: "revise"; pick: number };
type Step =
  | { kind: "save"; edit: Edit }
  | { kind: "publish"; edit: Edit; choice: "leave" | "include" | "none" }
  | { kind: "schedule" }
  | { kind: "reschedule"; pick: number }
  | { kind: "cancel"; pick: number }
  | { kind: "restore"; pick: number; choice: "leave" | "include" }
  | { kind: "run"; pick: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat(9).map<Edit>((pick) => ({ kind: "add", pick })),
  fc.nat(9).map<Edit>((pick) => ({ kind: "remove", pick })),
  fc.nat(9).map<Edit>((pick) => ({ kind: "revise", pick })),
);
const choice = fc.constantFrom<"leave" | "include">("leave", "include");
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: edit.map<Step>((e) => ({ kind: "save", edit: e })), weight: 3 },
  {
    arbitrary: fc
      .record({ edit, choice: fc.constantFrom<"leave" | "include" | "none">("leave", "include", "none") })
      .map<Step>((s) => ({ kind: "publish", ...s })),
    weight: 3,
  },
  { arbitrary: fc.constant<Step>({ kind: "schedule" }), weight: 3 },
  { arbitrary: fc.nat(3).map<Step>((pick) => ({ kind: "reschedule", pick })), weight: 1 },
  { arbitrary: fc.nat(3).map<Step>((pick) => ({ kind: "cancel", pick })), weight: 1 },
  {
    arbitrary: fc.record({ pick: fc.nat(20), choice }).map<Step>((s) => ({ kind: "restore", ...s })),
    weight: 1,
  },
  { arbitrary: fc.nat(3).map<Step>((pick) => ({ kind: "run", pick })), weight: 2 },
);

const lines = (body: string) => body.split("\n\n").filter((line) => line.startsWith("Line "));

function applyEdit(options: { body: string; edit: Edit; next: () => number }): string {
  const current = lines(options.body);
  const { edit: e } = options;
  if (e.kind === "add" || current.length === 0) {
    const at = e.pick % (current.length + 1);
    return ["Lead.", ...current.slice(0, at), `Line ${options.next()}.`, ...current.slice(at)].join("\n\n");
  }
  const index = e.pick % current.length;
  if (e.kind === "remove") return ["Lead.", ...current.filter((_, i) => i !== index)].join("\n\n");
  return ["Lead.", ...current.map((line, i) => (i === index ? `Line ${options.next()}.` : line))].join(
    "\n\n",
  );
}

describe("publishing with schedules waiting, as a property", () => {
  let editor: Actor;
  let runs = 0;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  it("keeps waiting schedules from readers, moves 'Updated' only with what they see, and runs each schedule at most once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const slug = `property-${++runs}`;
        await createTestStory({ actor: editor, slug, publish: true, body: "Lead.\n\nLine 0." });
        let counter = 0;
        const next = () => ++counter;
        /** Markers each schedule would show readers for the first time, by schedule id. */
        const secrets = new Map<string, Set<string>>();
        /** Markers readers were allowed to get: by a schedule's run or a publish that included it. */
        const released = new Set<string>();
        const publishedBy = new Map<string, number>();
        const db = getDb();

        const readers = async () => {
          const [{ article }, story] = await Promise.all([
            readPublishedStory({ slug }),
            db.story.findUniqueOrThrow({ where: { slug } }),
          ]);
          return {
            seen: `${article.headline}\n${article.body}`,
            body: article.body,
            updated: story.lastMaterialUpdateAt?.getTime() ?? null,
            story,
          };
        };
        const pending = async () =>
          db.schedule.findMany({
            where: { story: { slug }, state: "pending" },
            orderBy: { createdAt: "asc" },
            select: { id: true, revisionNumber: true },
          });
        const field = async (which: "leave" | "include"): Promise<PendingSchedulesInput | undefined> => {
          const ids = (await pending()).map((row) => row.id);
          return ids.length > 0 ? { ids, choice: which } : undefined;
        };
        const latestBody = async () => {
          const story = await db.story.findUniqueOrThrow({ where: { slug } });
          const latest = await db.revision.findFirstOrThrow({
            where: { storyId: story.id, number: story.latestRevisionNumber },
          });
          return { base: story.latestRevisionNumber, body: latest.body };
        };
        /**
         * A refusal the rules allow (conflicts, nothing pending to act on); anything else fails the property.
         */
        const allowed = async (work: Promise<unknown>) => {
          try {
            await work;
          } catch (error) {
            if (
              !isAppError(error) ||
              !["conflict", "unprocessable", "validation_failed"].includes(error.code)
            )
              throw error;
          }
        };

        for (const s of steps) {
          const before = await readers();
          const waiting = await pending();
          if (s.kind === "save" || s.kind === "publish") {
            const { base, body } = await latestBody();
            const nextBody = applyEdit({ body, edit: s.edit, next });
            const publish = s.kind === "publish";
            const pendingSchedules = publish && s.choice !== "none" ? await field(s.choice) : undefined;
            const work = saveRevision({
              actor: editor,
              slug,
              input: {
                baseRevision: base,
                summary: "Change",
                body: nextBody,
                publish,
                ...(pendingSchedules ? { pendingSchedules } : {}),
              },
            });
            if (publish && s.choice === "none" && waiting.length > 0) {
              await expect(work).rejects.toMatchObject({
                code: "conflict",
                details: { pendingSchedules: expect.any(Array) },
              });
            } else {
              await allowed(work);
            }
          } else if (s.kind === "schedule") {
            // What is scheduled is a draft with a line of its own, as an embargoed result would be.
            const draft = await latestBody();
            await saveRevision({
              actor: editor,
              slug,
              input: {
                baseRevision: draft.base,
                summary: "To schedule",
                body: applyEdit({ body: draft.body, edit: { kind: "add", pick: 0 }, next }),
              },
            });
            const { base, body } = await latestBody();
            const secret = new Set(lines(body).filter((line) => !before.body.includes(line)));
            try {
              const created = await scheduleRevision({
                actor: editor,
                slug,
                input: {
                  revision: base,
                  runAt: new Date(Date.now() + 3_600_000).toISOString(),
                  summary: "Scheduled",
                },
              });
              secrets.set(created.id, secret);
            } catch (error) {
              if (!isAppError(error)) throw error;
            }
          } else if (s.kind === "reschedule" && waiting.length > 0) {
            const target = waiting[s.pick % waiting.length]!;
            await rescheduleRevision({
              actor: editor,
              slug,
              scheduleId: target.id,
              input: { runAt: new Date(Date.now() + 7_200_000).toISOString() },
            });
          } else if (s.kind === "cancel" && waiting.length > 0) {
            await cancelSchedule({ actor: editor, slug, scheduleId: waiting[s.pick % waiting.length]!.id });
          } else if (s.kind === "restore") {
            const number = (s.pick % before.story.latestRevisionNumber) + 1;
            const pendingSchedules = await field(s.choice);
            await allowed(
              restoreRevision({
                actor: editor,
                slug,
                number,
                publish: true,
                summary: "Restored",
                ...(pendingSchedules ? { pendingSchedules } : {}),
              }),
            );
          } else if (s.kind === "run") {
            const all = await db.schedule.findMany({
              where: { story: { slug } },
              orderBy: { createdAt: "asc" },
              select: { id: true },
            });
            if (all.length > 0) {
              const target = all[s.pick % all.length]!;
              await db.schedule.updateMany({
                where: { id: target.id, state: "pending" },
                data: { runAt: new Date(Date.now() - 1_000) },
              });
              const run = await runSchedule({ scheduleId: target.id });
              if (run.outcome === "published")
                publishedBy.set(target.id, (publishedBy.get(target.id) ?? 0) + 1);
            }
          }

          const after = await readers();
          const settledEarly = await db.schedule.findMany({
            where: { id: { in: waiting.map((row) => row.id) }, state: "done", resolvedById: { not: null } },
            select: { id: true },
          });
          const ranNow = await db.schedule.findMany({
            where: { id: { in: waiting.map((row) => row.id) }, state: "done", resolvedById: null },
            select: { id: true },
          });
          if (settledEarly.length > 0 || ranNow.length > 0)
            for (const line of lines(after.body)) released.add(line);

          // Readers never see a waiting schedule's text before its time.
          for (const row of await pending()) {
            const early = [...(secrets.get(row.id) ?? [])].filter(
              (line) => !released.has(line) && lines(after.body).includes(line),
            );
            expect(early, `schedule of revision ${row.revisionNumber} after ${JSON.stringify(s)}`).toEqual(
              [],
            );
          }
          // "Updated" moves exactly when what readers see changed.
          expect(after.updated !== before.updated, `"Updated" after ${JSON.stringify(s)}`).toBe(
            after.seen !== before.seen,
          );
          // Every schedule runs at most once, and one settled early never runs.
          for (const count of publishedBy.values()) expect(count).toBeLessThanOrEqual(1);
          for (const { id } of settledEarly) expect(publishedBy.get(id) ?? 0).toBe(0);
        }
      }),
      { numRuns: 12 },
    );
  });
});
