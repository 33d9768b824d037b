import { performance } from "node:perf_hooks";
import pg from "pg";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { AppError } from "@/lib/errors/app-error";
import { saveRevision } from "@/lib/revisions/save-revision";
import { searchBudgetMs } from "@/lib/search/postgres-search";
import { searchStories } from "@/lib/search/search";

import { generateSearchArchive, setSearchTriggers } from "./support/search-archive";

/*
 * Search over a big archive (issue 25, "Speed"): 100,000 stories with about 1,000,000 revisions, generated in a
 * scratch database of its own (so the other modules' figures do not change, and it can be dropped in one go).
 * Times searchStories (the service the desk and the API call) for a common word, a word, a phrase, a rare name
 * and a misspelt name, on current versions and on every revision; the time a save spends on the search triggers
 * against the same saves with those triggers disabled; and the index's size against the text's.
 *
 * BENCH_SEARCH_STORIES: archive size (default 100000; e.g. 2000 for a quick try).
 * BENCH_SEARCH_RUNS: timed calls per query (default 20, after 2 untimed).
 * BENCH_SEARCH_KEEP=1: keep the scratch database and print its address; BENCH_SEARCH_DATABASE_URL=that address
 * measures it again without generating (a database made by this module only).
 */

const stories = Number(process.env.BENCH_SEARCH_STORIES ?? 100_000);
const runs = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
const saveRuns = 15;

const queries = [
  { label: "common word", q: "council" },
  { label: "word", q: "ferry" },
  { label: "phrase", q: '"harbour bridge closure"' },
  { label: "rare name", q: "Szczepańska" },
  { label: "typo'd name", q: "Zelensky" },
];

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0).padStart(6)} MB`;

async function measureSearches(actor: Actor): Promise<void> {
  console.log(
    `\nSearch through searchStories, first page of 20 (p50 / p95 of ${runs} calls; targets: p95 < 100 ms current, < 300 ms all)`,
  );
  console.log(`  ${"query".padEnd(34)} ${"scope".padEnd(8)} ${"hits".padStart(8)}        p50         p95`);
  for (const { label, q } of queries) {
    for (const scope of ["live", "all"] as const) {
      const input = { q, scope };
      // A search over its budget is cancelled with a sentence for the person: counted at the budget, and shown.
      let timeouts = 0;
      const attempt = async () => {
        try {
          return await searchStories({ actor, input });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "unavailable") throw error;
          timeouts += 1;
          return null;
        }
      };
      const page = await attempt();
      await attempt();
      timeouts = 0;
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) times.push(await timed(attempt));
      const shown = `${label} (${q})`.padEnd(34);
      const count = (
        page ? String(page.nextCursor ? `${page.hits.length}+` : page.hits.length) : "-"
      ).padStart(8);
      const target = scope === "live" ? 100 : 300;
      const p95 = percentile(times, 0.95);
      console.log(
        `  ${shown} ${scope.padEnd(8)} ${count} ${ms(percentile(times, 0.5))} ${ms(p95)}${p95 > target ? "  over target" : ""}${timeouts ? `  (${timeouts} of ${runs} over the ${searchBudgetMs} ms budget)` : ""}`,
      );
    }
  }
}

async function matchingStories(client: pg.Client): Promise<void> {
  // How selective each query is (plain full-text counts, outside the timed service), to read the times by.
  const { rows } = await client.query<{ label: string; current: number; all: number }>(
    `SELECT label,
            count(DISTINCT story_id) FILTER (WHERE current)::int AS current, count(DISTINCT story_id)::int AS all
       FROM (VALUES ('common word', websearch_to_tsquery('copydesk_search', 'council')),
                    ('word', websearch_to_tsquery('copydesk_search', 'ferry')),
                    ('phrase', websearch_to_tsquery('copydesk_search', '"harbour bridge closure"')),
                    ('rare name', websearch_to_tsquery('copydesk_search', 'Szczepańska')),
                    ('name (Zelenskyy)', websearch_to_tsquery('copydesk_search', 'Zelenskyy'))) q(label, query)
       JOIN search_documents d ON d.document @@ q.query
      GROUP BY label ORDER BY label`,
  );
  console.log("\nStories whose text matches (current version / any revision)");
  for (const row of rows)
    console.log(
      `  ${row.label.padEnd(20)} ${String(row.current).padStart(8)} ${String(row.all).padStart(8)}`,
    );
}

async function measureSaves(actor: Actor, client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ slug: string; latest: number }>(
    `SELECT slug, latest_revision_number AS latest FROM stories
      WHERE slug LIKE 'bench-search-%' AND status = 'published' ORDER BY slug LIMIT $1`,
    [saveRuns * 2 + 2],
  );
  const runId = Date.now().toString(36);
  const save = (story: { slug: string; latest: number }) =>
    saveRevision({
      actor,
      slug: story.slug,
      input: {
        baseRevision: story.latest,
        summary: "Bench update",
        // New text each run, so every save writes a revision (the same text again would be answered "unchanged").
        body: `The council met late into the evening over the harbour bridge closure.\n\nUpdate ${runId} for ${story.slug}.`,
        credits: [{ name: "Maria Kowalski", role: "byline" }],
        publish: true,
      },
    });
  await save(rows[0]!);
  await save(rows[1]!);
  const indexed: number[] = [];
  const plain: number[] = [];
  // Alternating, so both halves see the same machine; the baseline disables the search triggers only.
  for (let index = 0; index < saveRuns; index += 1) {
    indexed.push(await timed(() => save(rows[2 + 2 * index]!)));
    await setSearchTriggers(client, false);
    try {
      plain.push(await timed(() => save(rows[3 + 2 * index]!)));
    } finally {
      await setSearchTriggers(client, true);
    }
  }
  const row = (label: string, times: number[], base?: number[]) => {
    const [p50, p95] = [percentile(times, 0.5), percentile(times, 0.95)];
    const slower = base
      ? `   ${(((p50 - percentile(base, 0.5)) / percentile(base, 0.5)) * 100).toFixed(0)}% slower (median)`
      : "";
    console.log(`  ${label.padEnd(30)} ${ms(p50)} ${ms(p95)}${slower}`);
  };
  console.log(
    `\nPublished save on the archive (p50 / p95 of ${saveRuns} saveRevision calls each; target ≤ 10% slower)`,
  );
  row("search triggers disabled", plain);
  row("with search indexing", indexed, plain);
}

async function measureSizes(client: pg.Client): Promise<void> {
  const { rows } = await client.query<Record<string, string>>(
    `SELECT (SELECT sum(octet_length(headline) + octet_length(dek) + octet_length(byline) + octet_length(body)
                        + coalesce(octet_length(summary), 0)) FROM revisions) AS text,
            pg_total_relation_size('revisions') AS revisions,
            pg_table_size('search_documents') AS documents,
            (SELECT sum(pg_relation_size(indexrelid)) FROM pg_index
              WHERE indrelid = 'search_documents'::regclass) AS indexes`,
  );
  const { rows: each } = await client.query<{ name: string; size: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_relation_size(indexrelid) AS size FROM pg_index
      WHERE indrelid = 'search_documents'::regclass ORDER BY 2 DESC`,
  );
  const text = Number(rows[0]!.text);
  const ratio = (bytes: number) => `${(bytes / text).toFixed(2)}× the text`;
  console.log("\nSizes");
  console.log(`  revision text (headline, dek, byline, body, summary) ${mb(text)}`);
  console.log(`  revisions table with its indexes and TOAST           ${mb(Number(rows[0]!.revisions))}`);
  console.log(
    `  search_documents rows (tsvector + names)             ${mb(Number(rows[0]!.documents))}   ${ratio(Number(rows[0]!.documents))}`,
  );
  console.log(
    `  search_documents indexes                             ${mb(Number(rows[0]!.indexes))}   ${ratio(Number(rows[0]!.indexes))}`,
  );
  for (const row of each) console.log(`    ${row.name.padEnd(50)} ${mb(Number(row.size))}`);
}

export default async function run(): Promise<void> {
  const reuse = process.env.BENCH_SEARCH_DATABASE_URL;
  const scratch = reuse ? null : await createScratchDatabase({ prefix: "copydesk_bench_search" });
  const databaseUrl = reuse ?? scratch!.databaseUrl;
  const benchUrl = process.env.DATABASE_URL;
  const keep = Boolean(reuse) || process.env.BENCH_SEARCH_KEEP === "1";
  await disconnectDb();
  process.env.DATABASE_URL = databaseUrl;
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    if (!reuse) await applyMigrations({ databaseUrl });
    await client.connect();
    const actor = await createTestActor({ role: "editor", name: `Search Bench ${Date.now().toString(36)}` });
    if (!reuse) {
      const started = Date.now();
      const archive = await generateSearchArchive({
        databaseUrl,
        stories,
        authorId: actor.userId,
        log: (line) => console.log(line),
      });
      const steps = Object.entries(archive.seconds)
        .map(([name, value]) => `${name} ${value.toFixed(0)} s`)
        .join(", ");
      console.log(
        `\nArchive: ${archive.stories.toLocaleString("en")} stories, ${archive.revisions.toLocaleString("en")} revisions, generated in ${((Date.now() - started) / 1000).toFixed(0)} s (${steps})`,
      );
    }
    await matchingStories(client);
    await measureSearches(actor);
    await measureSaves(actor, client);
    await measureSizes(client);
  } finally {
    await client.end().catch(() => {});
    await disconnectDb();
    process.env.DATABASE_URL = benchUrl;
    if (keep && scratch) console.log(`\nKept the archive: BENCH_SEARCH_DATABASE_URL=${databaseUrl}`);
    else await scratch?.drop();
  }
}
