import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { startJobRunner } from "@/lib/jobs/job-runner";
import { createStory } from "@/lib/revisions/create-story";
import { saveRevision } from "@/lib/revisions/save-revision";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";

/*
 * Scheduled-publish lateness (issue 13): how long after its time a schedule's publish really happens (the
 * revision's publish instant minus the schedule's time, both from the database clock), for 100 schedules due
 * in the same minute (the same second, the worst case) with two runners up, as two instances would run them.
 * Baseline: one schedule alone, on the same two runners.
 */

const burst = 100;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function storyWithDraft(actor: Actor, slug: string): Promise<void> {
  await createStory({
    actor,
    input: {
      slug,
      headline: `Bench ${slug}`,
      body: "Before.",
      credits: [{ name: "Bench Reporter", role: "byline" }],
      publish: true,
    },
  });
  await saveRevision({
    actor,
    slug,
    input: { baseRevision: 1, summary: "Scheduled update", body: "Before.\n\nAfter." },
  });
}

/**
 * Schedules every story's revision 2 for the same instant, waits for all to run, returns each lateness in ms.
 */
async function lateness(actor: Actor, slugs: string[]): Promise<number[]> {
  const later = new Date(Date.now() + 3_600_000).toISOString();
  const ids: string[] = [];
  for (const slug of slugs)
    ids.push(
      (
        await scheduleRevision({
          actor,
          slug,
          input: { revision: 2, runAt: later, summary: "Scheduled update" },
        })
      ).id,
    );
  // Scheduling 100 takes a while on a loaded machine; then all of them (and their jobs) are moved to one
  // instant.
  const runAt = new Date(Date.now() + 3_000);
  const keys = ids.map((id) => `schedule:${id}`);
  await getDb().$transaction([
    getDb().schedule.updateMany({ where: { id: { in: ids } }, data: { runAt } }),
    getDb().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = ${runAt} WHERE key = ANY(${keys})`,
  ]);
  for (;;) {
    const waiting = await getDb().schedule.count({ where: { id: { in: ids }, state: "pending" } });
    if (waiting === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const rows = await getDb().schedule.findMany({
    where: { id: { in: ids } },
    select: { runAt: true, ranAt: true, state: true },
  });
  return rows.map((row) => (row.ranAt ?? row.runAt).getTime() - row.runAt.getTime());
}

export default async function run(): Promise<void> {
  const actor = await createTestActor({ role: "editor", name: "Bench Scheduler" });
  const runId = Date.now().toString(36);
  const alone = `bench-sched-alone-${runId}`;
  await storyWithDraft(actor, alone);
  const slugs = Array.from({ length: burst }, (_, index) => `bench-sched-${runId}-${index}`);
  for (const slug of slugs) await storyWithDraft(actor, slug);

  const databaseUrl = process.env.DATABASE_URL!;
  const runners = [await startJobRunner({ databaseUrl }), await startJobRunner({ databaseUrl })];
  try {
    const baseline = await lateness(actor, [alone]);
    const crowd = await lateness(actor, slugs);
    const published = await getDb().revision.count({ where: { story: { slug: { in: slugs } }, number: 3 } });
    console.log("Scheduled-publish lateness (publish time − scheduled time), two runners");
    console.log(`  one schedule alone (baseline):        ${baseline[0]} ms`);
    console.log(
      `  ${burst} due at the same instant:         p50 ${percentile(crowd, 0.5)} ms · p99 ${percentile(crowd, 0.99)} ms · max ${Math.max(...crowd)} ms`,
    );
    console.log(
      `  published exactly once:              ${published} of ${burst} stories have one scheduled revision`,
    );
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
}
