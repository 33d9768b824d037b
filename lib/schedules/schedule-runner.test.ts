import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { hasPublicResponse, memoTicket, rememberPublicResponse } from "@/lib/delivery/public-memo";
import { makeEntry } from "@/lib/delivery/public-representation";
import { startJobRunner, type JobRunner } from "@/lib/jobs/job-runner";
import { storyCacheTags } from "@/lib/public/cache-tags";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestStory, historyCounts } from "@/lib/revisions/test-stories";

import { scheduleRevision } from "./schedule-revision";

// The real queue: jobs written in the schedule's transaction, run by graphile-worker runners as each server
// runs them.
const databaseUrl = process.env.DATABASE_URL!;
const runners: JobRunner[] = [];

afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.stop()));
});

/** A public page of the story, kept in this process's memo as a reader's request would have kept it. */
async function keepPublicPage(slug: string): Promise<string> {
  const key = `/stories/${slug}`;
  const tags = storyCacheTags({ slug });
  const entry = await makeEntry({ status: 200, headers: { "content-type": "text/html" }, body: slug, tags });
  expect(rememberPublicResponse({ ticket: memoTicket({ key, tags }), entry, maxBytes: 1_000_000 })).toBe(
    true,
  );
  return key;
}

async function scheduleState(id: string) {
  return getDb().schedule.findUniqueOrThrow({
    where: { id },
    select: { state: true, late: true, publishedNumber: true },
  });
}

describe("schedules on the job queue", () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  it("a schedule missed while no runner was up runs at the next start, marked late, and invalidates the story", async () => {
    await createTestStory({ actor: editor, slug: "queue-late", publish: true });
    await saveRevision({
      actor: editor,
      slug: "queue-late",
      input: { baseRevision: 1, summary: "Adds the verdict", body: "The verdict." },
    });
    const schedule = await scheduleRevision({
      actor: editor,
      slug: "queue-late",
      input: {
        revision: 2,
        runAt: new Date(Date.now() + 3_600_000).toISOString(),
        summary: "Adds the verdict",
      },
    });
    // Every instance "down" while its time passes: move the schedule and its job into the past.
    const past = new Date(Date.now() - 5 * 60_000);
    await getDb().schedule.update({ where: { id: schedule.id }, data: { runAt: past } });
    await getDb()
      .$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = ${past} WHERE key = ${`schedule:${schedule.id}`}`;
    expect((await scheduleState(schedule.id)).state).toBe("pending");
    const page = await keepPublicPage("queue-late");

    runners.push(await startJobRunner({ databaseUrl, pollIntervalMs: 200 }));
    await expect
      .poll(() => scheduleState(schedule.id), { timeout: 30_000, interval: 200 })
      .toEqual({ state: "done", late: true, publishedNumber: 3 });
    // Invalidated by the publish's own commit (lib/stories/story-write.ts): the kept page is gone.
    expect(hasPublicResponse({ key: page })).toBe(false);
  });

  it("two runners (two instances) run a due schedule once: one revision, one status event", async () => {
    runners.push(await startJobRunner({ databaseUrl, pollIntervalMs: 200 }));
    await createTestStory({ actor: editor, slug: "queue-race", publish: true });
    await saveRevision({
      actor: editor,
      slug: "queue-race",
      input: { baseRevision: 1, summary: "Update", body: "Updated." },
    });
    const schedules = [];
    // Several stories due in the same second make the two runners actually compete.
    for (let index = 0; index < 5; index++) {
      const slug = `queue-race-${index}`;
      await createTestStory({ actor: editor, slug, publish: true });
      await saveRevision({
        actor: editor,
        slug,
        input: { baseRevision: 1, summary: "Update", body: `Updated ${index}.` },
      });
    }
    const before = await Promise.all(
      [0, 1, 2, 3, 4].map((index) => historyCounts({ slug: `queue-race-${index}` })),
    );
    const runAt = new Date(Date.now() + 2_000).toISOString();
    for (let index = 0; index < 5; index++) {
      schedules.push(
        await scheduleRevision({
          actor: editor,
          slug: `queue-race-${index}`,
          input: { revision: 2, runAt, summary: "Update" },
        }),
      );
    }
    for (const schedule of schedules) {
      await expect
        .poll(async () => (await scheduleState(schedule.id)).state, { timeout: 30_000, interval: 200 })
        .toBe("done");
    }
    const after = await Promise.all(
      [0, 1, 2, 3, 4].map((index) => historyCounts({ slug: `queue-race-${index}` })),
    );
    after.forEach((counts, index) => {
      expect(counts.revisions - before[index]!.revisions).toBe(1);
      // The schedule event itself, then exactly one publish.
      expect(counts.events - before[index]!.events).toBe(2);
    });
  });
});
