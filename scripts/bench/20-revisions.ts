import { performance } from "node:perf_hooks";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { appendBulkHistory } from "@/lib/revisions/bulk-history-fixture";
import { createStory } from "@/lib/revisions/create-story";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { saveRevision } from "@/lib/revisions/save-revision";

import { median } from "./support/measure";

/*
 * Revision costs that must not grow with history (issue 3, "Speed"): saving revision 5,000 against saving
 * revision 2, and the first history page of a 10,000-revision story against a 3-revision one. Long histories
 * are built with set-based SQL; only real service calls are timed.
 */

const saveRuns = 15;
const pageRuns = 30;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const paragraph =
  "The council met late into the evening as negotiators traded proposals over wages, shifts and late-night routes.";

async function newStory(actor: Actor, slug: string) {
  return createStory({
    actor,
    input: {
      slug,
      headline: `Bench story ${slug}`,
      body: Array.from({ length: 12 }, () => paragraph).join("\n\n"),
      credits: [{ name: "Bench Reporter", role: "byline" }],
      publish: true,
    },
  });
}

async function saveOn(actor: Actor, slug: string, base: number) {
  return saveRevision({
    actor,
    slug,
    input: {
      baseRevision: base,
      summary: "Bench update",
      body: `${paragraph}\n\nNew fact at ${base + 1}.`,
      credits: [
        { name: "Bench Reporter", role: "byline" },
        { name: "Bench Stringer", role: "contributed_reporting", location: "Millbrook" },
      ],
      publish: true,
    },
  });
}

export default async function run(): Promise<void> {
  const actor = await createTestActor({ role: "editor", name: "Bench Editor" });
  const runId = Date.now().toString(36);
  await newStory(actor, `bench-warm-${runId}`);
  for (let base = 1; base <= 5; base += 1) await saveOn(actor, `bench-warm-${runId}`, base);
  const contributor = await getDb().contributor.findUniqueOrThrow({
    where: { name: "Bench Reporter" },
    select: { id: true },
  });

  const shortSaves: number[] = [];
  const longSaves: number[] = [];
  for (let index = 0; index < saveRuns; index += 1) {
    const short = `bench-short-${runId}-${index}`;
    const long = `bench-long-${runId}-${index}`;
    await newStory(actor, short);
    await newStory(actor, long);
    await appendBulkHistory({
      slug: long,
      until: 4_999,
      authorId: actor.userId,
      contributorId: contributor.id,
    });
    shortSaves.push(await timed(() => saveOn(actor, short, 1)));
    longSaves.push(await timed(() => saveOn(actor, long, 4_999)));
  }

  const small = `bench-history-small-${runId}`;
  const large = `bench-history-large-${runId}`;
  await newStory(actor, small);
  await saveOn(actor, small, 1);
  await saveOn(actor, small, 2);
  await newStory(actor, large);
  await appendBulkHistory({
    slug: large,
    until: 10_000,
    authorId: actor.userId,
    contributorId: contributor.id,
  });
  await getDb().$executeRawUnsafe("ANALYZE revisions");
  await getDb().$executeRawUnsafe("ANALYZE credits");
  const smallPages: number[] = [];
  const largePages: number[] = [];
  for (let index = 0; index < pageRuns; index += 1) {
    smallPages.push(await timed(() => listRevisions({ actor, slug: small })));
    largePages.push(await timed(() => listRevisions({ actor, slug: large })));
  }

  const save2 = median(shortSaves);
  const save5000 = median(longSaves);
  const page3 = median(smallPages);
  const page10000 = median(largePages);
  const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;
  console.log(
    `\nRevision saves (published update with 2 credits; median of ${saveRuns} service calls each; target: rev 5,000 ≤ 1.5× rev 2)`,
  );
  console.log(`  save revision 2                 ${ms(save2)}`);
  console.log(
    `  save revision 5,000             ${ms(save5000)}   ${(save5000 / save2).toFixed(2)}× revision 2`,
  );
  console.log(
    `First page of history (20 rows with credits; median of ${pageRuns}; target < 50 ms for 10,000 revisions)`,
  );
  console.log(`  3-revision story                ${ms(page3)}`);
  console.log(
    `  10,000-revision story           ${ms(page10000)}   ${(page10000 / page3).toFixed(2)}× the 3-revision story`,
  );
}
