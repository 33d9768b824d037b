import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

import { healthDuring, ms } from "./support/health-during";
import { autocannonLoad, median, startCopydeskServer, waitUntilAnswering } from "./support/measure";

/*
 * Public pages (issue 4, "Speed"): warm story-page throughput for a 3- and a 3,000-revision story with 32
 * connections, beside a plain node:http server sending the same bytes (the physical limit here) and a page
 * rendered per request (database + render every time); and the uncached render of a 10,000-word story right
 * after an invalidation (a published minor fix: unchanged paragraphs come from the renderer's block memo),
 * and of 10,000-word stories the server has never seen (nothing memoised). The production server runs in its
 * own process, as do the static and per-request servers; autocannon runs as a separate process too, all on
 * this machine.
 *
 * Needs a production build (NEXT_DIST_DIR, default .next) and DATABASE_URL (set by the bench runner).
 */

const connections = 32;
const durationSeconds = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const loadTest = (url: string) => autocannonLoad({ url, connections, durationSeconds });
const waitFor = (url: string, child: ChildProcess) => waitUntilAnswering({ url, child });
const uncachedRuns = 15;
const coldRuns = 5;
const port = Number(process.env.BENCH_PUBLIC_PORT ?? 3190);
const origin = `http://127.0.0.1:${port}`;

const startNext = (distDir: string) => startCopydeskServer({ distDir, port });

/** The physical limit: node:http answering every request with the same bytes, no framework. */
async function startStaticServer(
  html: string,
  staticPort: number,
): Promise<{ child: ChildProcess; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "copydesk-bench-"));
  await writeFile(path.join(dir, "page.html"), html);
  const source = `const fs=require("node:fs");const body=fs.readFileSync(${JSON.stringify(path.join(dir, "page.html"))});require("node:http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":body.length});s.end(body);}).listen(${staticPort},"127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", source], { stdio: "ignore" });
  await waitFor(`http://127.0.0.1:${staticPort}/`, child);
  return { child, dir };
}

/** Child mode: a node:http server that reads the database and renders the story page on every request. */
async function servePerRequest(renderPort: number): Promise<void> {
  const { readPublishedStory } = await import("@/lib/public/published-story");
  const { renderStoryPage } = await import("@/lib/render/story-page");
  createServer((request, response) => {
    const slug = decodeURIComponent((request.url ?? "/").replace(/^\/stories\//, ""));
    readPublishedStory({ slug })
      .then((story) => {
        const html = renderStoryPage({
          article: story.article,
          liveRevisionNumber: story.liveRevisionNumber,
          origin,
        });
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(html);
      })
      .catch(() => {
        response.writeHead(404);
        response.end();
      });
  }).listen(renderPort, "127.0.0.1");
}

const paragraph =
  "City officials said the inspection of the bridge would continue through the night, and that crews would report their findings to the transportation department before the morning commute began.";

function words(count: number, variant = ""): string {
  const perParagraph = paragraph.split(" ").length;
  return Array.from(
    { length: Math.ceil(count / perParagraph) },
    (_, index) => `${variant}${paragraph} (${index + 1})`,
  ).join("\n\n");
}

export default async function run(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  // Same staleness rule as `npm start`: figures from an old build would measure old code.
  const { computeBuildFingerprint, isBuildCurrent, recordBuild } =
    await import("@/scripts/start/build-fingerprint");
  const fingerprint = await computeBuildFingerprint({ projectDir: process.cwd() });
  if (!existsSync(path.join(distDir, "BUILD_ID")) || !(await isBuildCurrent({ distDir, fingerprint }))) {
    console.log(
      `\nPublic pages: the production build in ${distDir} is missing or older than the code; building it first (a minute or two)…`,
    );
    const { runNextBuild } = await import("@/scripts/start/next-process");
    const logFile = path.join(tmpdir(), `copydesk-bench-build-${process.pid}.log`);
    const exitCode = await runNextBuild({ projectDir: process.cwd(), distDir, logFile }).done;
    if (exitCode !== 0) throw new Error(`next build failed (exit ${exitCode}); its output is in ${logFile}`);
    await recordBuild({ distDir, fingerprint });
  }
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { createUser } = await import("@/lib/auth/users");
  const { getDb } = await import("@/lib/db/client");
  const { appendBulkHistory } = await import("@/lib/revisions/bulk-history-fixture");

  const runId = Date.now().toString(36);
  const user = await createUser({
    email: `bench-public-${runId}@bench.test`,
    name: `Bench Public ${runId}`,
    role: "editor",
    password: `bench password ${runId}`,
    actor: "system",
  });
  const { token } = await createApiToken({ userId: user.id, name: "bench", actor: "system" });
  const next = startNext(distDir);
  const children: ChildProcess[] = [next];
  const dirs: string[] = [];
  try {
    await waitFor(`${origin}/api/health`, next);
    const api = async (method: string, urlPath: string, body?: unknown) => {
      const response = await fetch(`${origin}${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as { story: { latestRevisionNumber: number } };
      if (!response.ok) throw new Error(`${method} ${urlPath}: ${JSON.stringify(json)}`);
      return json;
    };
    const publish = async (slug: string, input: Record<string, unknown>) => {
      const current = await api("GET", `/api/v1/stories/${slug}`);
      return api("POST", `/api/v1/stories/${slug}/revisions`, {
        baseRevision: current.story.latestRevisionNumber,
        publish: true,
        ...input,
      });
    };
    const credits = [
      { name: "Bench Reporter", role: "byline" },
      { name: "Bench Stringer", role: "contributed_reporting", location: "Millbrook" },
    ];
    const story = (slug: string, body: string) =>
      api("POST", "/api/v1/stories", {
        slug,
        headline: `Bench story ${slug}`,
        dek: "A story for the benchmark.",
        body,
        credits,
        publish: true,
        developing: true,
      });

    const short = `bench-public-3-${runId}`;
    await story(short, words(800));
    await publish(short, { kind: "update", summary: "Second", body: `${words(800)}\n\nSecond.` });
    await publish(short, {
      kind: "correction",
      summary: "Third",
      note: "A correction for the bench.",
      body: `${words(800)}\n\nThird.`,
    });

    const long = `bench-public-3000-${runId}`;
    await story(long, words(800));
    const contributor = await getDb().contributor.findUniqueOrThrow({
      where: { name: "Bench Reporter" },
      select: { id: true },
    });
    await appendBulkHistory({ slug: long, until: 2_999, authorId: user.id, contributorId: contributor.id });
    await publish(long, {
      kind: "correction",
      summary: "Revision 3,000",
      note: "A correction for the bench.",
      body: `${words(800)}\n\nLatest.`,
    });

    const huge = `bench-public-10k-${runId}`;
    await story(huge, words(10_000));

    const shortHtml = await (await fetch(`${origin}/stories/${short}`)).text();
    await fetch(`${origin}/stories/${long}`);
    await fetch(`${origin}/stories/${short}/feed.xml`);

    const staticPort = port + 1;
    const renderPort = port + 2;
    const staticServer = await startStaticServer(shortHtml, staticPort);
    children.push(staticServer.child);
    dirs.push(staticServer.dir);
    const perRequest = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        path.resolve("scripts/bench/30-public-pages.ts"),
        "--per-request-server",
        String(renderPort),
      ],
      {
        env: process.env,
        stdio: "ignore",
      },
    );
    children.push(perRequest);
    await waitFor(`http://127.0.0.1:${renderPort}/stories/${short}`, perRequest);

    const warmShort = await loadTest(`${origin}/stories/${short}`);
    const warmLong = await loadTest(`${origin}/stories/${long}`);
    const warmFeed = await loadTest(`${origin}/stories/${short}/feed.xml`);
    const staticFigure = await loadTest(`http://127.0.0.1:${staticPort}/`);
    const perRequestFigure = await loadTest(`http://127.0.0.1:${renderPort}/stories/${short}`);

    // Uncached: each run publishes a minor fix through the API (which invalidates the page), then times the
    // next GET.
    const uncached: number[] = [];
    for (let index = 0; index < uncachedRuns; index += 1) {
      await publish(huge, { kind: "minor", body: `${words(10_000)}\n\nMinor ${index}.` });
      const start = performance.now();
      const response = await fetch(`${origin}/stories/${huge}`);
      await response.text();
      uncached.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`uncached story page answered ${response.status}`);
    }

    // Cold: a story never rendered before, every paragraph new to the server (nothing memoised).
    const cold: number[] = [];
    for (let index = 0; index < coldRuns; index += 1) {
      const slug = `bench-public-cold-${runId}-${index}`;
      await story(slug, words(10_000, `Cold ${runId} ${index}: `));
      const start = performance.now();
      const response = await fetch(`${origin}/stories/${slug}`);
      await response.text();
      cold.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`cold story page answered ${response.status}`);
    }

    const line = (label: string, figure: { rps: number; non2xx: number; p99: number }) =>
      console.log(
        `  ${label.padEnd(44)} ${figure.rps.toFixed(0).padStart(7)} req/s   p99 ${figure.p99} ms${figure.non2xx ? `   (${figure.non2xx} non-2xx!)` : ""}`,
      );
    console.log(
      `\nPublic pages (autocannon, ${connections} connections, ${durationSeconds} s each, same machine; target warm ≥ 1,000 req/s)`,
    );
    line("warm story page, 3 revisions", warmShort);
    line("warm story page, 3,000 revisions", warmLong);
    line("warm story feed", warmFeed);
    line("static node:http, same HTML bytes (limit)", staticFigure);
    line("rendered per request (database + render)", perRequestFigure);
    console.log(
      `  uncached 10,000-word story page after a publish, median of ${uncachedRuns}   ${median(uncached).toFixed(1)} ms (target < 100 ms)`,
    );
    console.log(
      `  first render of a never-seen 10,000-word story, median of ${coldRuns}   ${median(cold).toFixed(1)} ms`,
    );

    // Issue 19: first views of the worst bodies found, beside a typical one, with /api/health asked
    // meanwhile.
    const probe = () => fetch(`${origin}/api/health`).then((response) => response.arrayBuffer());
    const hugeWords = Array.from({ length: 375_000 }, (_, index) => (index % 39_000).toString(36));
    const worst: Array<{ name: string; body: string; second?: string; path: (slug: string) => string }> = [
      {
        name: "typical 10,000-word story",
        body: words(10_000, `Worst ${runId}: `),
        path: (slug) => `/stories/${slug}`,
      },
      { name: "40 KB of *a", body: "*a".repeat(20_000), path: (slug) => `/stories/${slug}` },
      { name: "40 KB of [a](", body: "[a](".repeat(10_000), path: (slug) => `/stories/${slug}` },
      {
        name: "500 nested lists",
        body: Array.from({ length: 500 }, (_, level) => `${" ".repeat(2 * level)}- item`).join("\n"),
        path: (slug) => `/stories/${slug}`,
      },
      {
        name: "> repeated 5,000 times",
        body: `${"> ".repeat(5_000)}deep`,
        path: (slug) => `/stories/${slug}`,
      },
      {
        name: "history: typical update",
        body: words(10_000, `History ${runId}: `),
        second: `${words(10_000, `History ${runId}: `)}\n\nOne more paragraph.`,
        path: (slug) => `/stories/${slug}/history`,
      },
      {
        name: "history: 1.5 MB → 39,000 paragraphs",
        body: hugeWords.join(" "),
        second: hugeWords.slice(0, 39_000).join("\n\n"),
        path: (slug) => `/stories/${slug}/history`,
      },
    ];
    await probe();
    const idle = await healthDuring({
      work: () => new Promise((resolve) => setTimeout(resolve, 300)),
      probe,
    });
    const rows: Record<string, string>[] = [];
    for (const [index, item] of worst.entries()) {
      const slug = `bench-worst-${runId}-${index}`;
      await story(slug, item.body);
      if (item.second) await publish(slug, { kind: "update", summary: "Second", body: item.second });
      const {
        result: status,
        wall,
        health,
      } = await healthDuring({
        work: () =>
          fetch(`${origin}${item.path(slug)}`).then(
            async (response) => (await response.arrayBuffer(), response.status),
          ),
        probe,
      });
      rows.push({
        page: item.name,
        status: `${status}`,
        "first view": ms(wall),
        "health median": ms(health.median),
        "health max": ms(health.max),
        "health answers": `${health.count}`,
      });
    }
    console.log(
      `\nWorst cases (issue 19): first view, /api/health meanwhile; idle health: median ${ms(idle.health.median)}, max ${ms(idle.health.max)}`,
    );
    console.table(rows);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--per-request-server")) {
  await servePerRequest(Number(process.argv[process.argv.indexOf("--per-request-server") + 1]));
} else if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await run();
  process.exit(0);
}
