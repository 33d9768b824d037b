import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { ensureCurrentBuild } from "./support/ensure-build";
import { autocannonLoad, waitUntilAnswering } from "./support/measure";

/*
 * Delivery (issue 11): two instances (A, B) on this run's database and a real Varnish with the shipped VCL in
 * front of both. Side by side in one run: a warm story page from one instance, from Varnish, and from nginx
 * serving the same bytes (one worker, the CPU one Node process gets); how long after a publish on A returns
 * the new version is visible on B and through Varnish (50 publishes); the demo-sized page's bytes per
 * encoding; and the first render of never-seen 10,000-word stories, with where its time goes.
 * Needs a production build (NEXT_DIST_DIR, default .next), nginx, varnish and varnish-modules.
 */

const connections = 32;
const durationSeconds = Number(process.env.BENCH_DELIVERY_SECONDS ?? 10);
const loadTest = (url: string) => autocannonLoad({ url, connections, durationSeconds });
const basePort = Number(process.env.BENCH_DELIVERY_PORT ?? 3230);
const varnishPort = Number(process.env.BENCH_VARNISH_PORT ?? 6213);
const publishes = 50;
const coldRuns = 5;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on("error", reject);
  });
}

async function startNginx(html: Buffer, port: number): Promise<{ child: ChildProcess; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "copydesk-bench-nginx-"));
  await chmod(dir, 0o755);
  await writeFile(path.join(dir, "page.html"), html);
  await writeFile(
    path.join(dir, "nginx.conf"),
    `worker_processes 1;\nerror_log ${dir}/error.log;\npid ${dir}/nginx.pid;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n  server {\n    listen 127.0.0.1:${port};\n    location / { root ${dir}; default_type "text/html; charset=utf-8"; try_files /page.html =404; }\n  }\n}\n`,
  );
  const child = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-g", "daemon off;"], {
    stdio: "ignore",
  });
  await waitUntilAnswering({ url: `http://127.0.0.1:${port}/`, child, status: 200 });
  return { child, dir };
}

const paragraph =
  "City officials said the inspection of the bridge would continue through the night, and that crews would report their findings to the transportation department before the morning commute began.";
const words = (count: number, variant = "") =>
  Array.from(
    { length: Math.ceil(count / paragraph.split(" ").length) },
    (_, index) => `${variant}${paragraph} (${index + 1})`,
  ).join("\n\n");

export default async function run(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  await ensureCurrentBuild({ distDir, purpose: "Delivery" });
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { createUser } = await import("@/lib/auth/users");
  const { createDemoStory, demoStorySlug } = await import("@/lib/seed/demo-story");
  const { startVarnish } = await import("@/lib/delivery/testing/start-varnish");
  const { readPublishedStory } = await import("@/lib/public/published-story");
  const { renderStoryPage } = await import("@/lib/render/story-page");

  const runId = Date.now().toString(36);
  const user = await createUser({
    email: `bench-delivery-${runId}@bench.test`,
    name: `Bench Delivery ${runId}`,
    role: "editor",
    password: `bench password ${runId}`,
    actor: "system",
  });
  const { token } = await createApiToken({ userId: user.id, name: "bench", actor: "system" });
  const [portA, portB, portNginx] = [basePort, basePort + 1, basePort + 2];
  const canonical = `http://127.0.0.1:${varnishPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    PUBLIC_BASE_URL: canonical,
    PURGE_VARNISH_URLS: canonical,
    NEXT_TELEMETRY_DISABLED: "1",
    COPYDESK_HOST: "127.0.0.1",
  };
  delete env.NODE_OPTIONS;
  const instance = (port: number) =>
    spawn(process.execPath, ["scripts/serve.mjs"], {
      env: { ...env, PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}` },
      stdio: "ignore",
    });
  const children: ChildProcess[] = [instance(portA), instance(portB)];
  const dirs: string[] = [];
  let varnish: Awaited<ReturnType<typeof startVarnish>> | undefined;
  try {
    await waitUntilAnswering({
      url: `http://127.0.0.1:${portA}/api/health`,
      child: children[0],
      status: 200,
    });
    await waitUntilAnswering({
      url: `http://127.0.0.1:${portB}/api/health`,
      child: children[1],
      status: 200,
    });
    varnish = await startVarnish({
      port: varnishPort,
      backends: [
        { host: "127.0.0.1", port: portA },
        { host: "127.0.0.1", port: portB },
      ],
    });
    const onA = `http://127.0.0.1:${portA}`;
    const onB = `http://127.0.0.1:${portB}`;
    const api = async (method: string, urlPath: string, body?: unknown) => {
      const response = await fetch(`${onA}${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as {
        story: { latestRevisionNumber: number; liveRevisionNumber: number };
      };
      if (!response.ok) throw new Error(`${method} ${urlPath}: ${JSON.stringify(json)}`);
      return json;
    };
    // The demo story as `npm start` seeds it: several revisions, credits, a photo, a correction.
    const demo = await createDemoStory({
      author: { userId: user.id, email: user.email, name: user.name, role: "editor", via: "session" },
    });
    const slug = demoStorySlug;
    const { getDb } = await import("@/lib/db/client");
    const { body: baseBody } = await getDb().revision.findFirstOrThrow({
      where: { story: { slug: demoStorySlug }, number: demo.revision.number },
      select: { body: true },
    });
    const pageUrl = `/stories/${slug}`;
    await waitUntilAnswering({ url: `${onB}${pageUrl}`, status: 200 });
    const identity = (await rawGet(`${onB}${pageUrl}`)).body;
    const gzip = (await rawGet(`${onB}${pageUrl}`, { "accept-encoding": "gzip" })).body;
    const br = (await rawGet(`${onB}${pageUrl}`, { "accept-encoding": "br" })).body;
    const nginx = await startNginx(identity, portNginx);
    children.push(nginx.child);
    dirs.push(nginx.dir);
    await rawGet(`${varnish.url}${pageUrl}`);

    const warmInstance = await loadTest(`${onB}${pageUrl}`);
    const warmVarnish = await loadTest(`${varnish.url}${pageUrl}`);
    const nginxFigure = await loadTest(`http://127.0.0.1:${portNginx}/`);

    // Publish on A; from the moment its response is back, poll B and Varnish until both show the new version.
    const versionOf = async (base: string) =>
      (JSON.parse((await rawGet(`${base}${pageUrl}/version`)).body.toString()) as { version: number | null })
        .version ?? 0;
    const visible: number[] = [];
    for (let index = 0; index < publishes; index += 1) {
      const current = await api("GET", `/api/v1/stories/${slug}`);
      const published = await api("POST", `/api/v1/stories/${slug}/revisions`, {
        baseRevision: current.story.latestRevisionNumber,
        publish: true,
        kind: "minor",
        body: `${baseBody}\n\nBench line ${index}.`,
      });
      const started = performance.now();
      const wanted = published.story.liveRevisionNumber;
      const seen = { b: false, varnish: false };
      while (!seen.b || !seen.varnish) {
        if (!seen.b) seen.b = (await versionOf(onB)) >= wanted;
        if (!seen.varnish) seen.varnish = (await versionOf(varnish.url)) >= wanted;
        if (performance.now() - started > 30_000) throw new Error(`publish ${index} not visible after 30 s`);
      }
      visible.push(performance.now() - started);
    }

    // Cold: never-seen 10,000-word stories, first request on B; and the same work in this process, split.
    const cold: number[] = [];
    const split = { read: [] as number[], render: [] as number[] };
    for (let index = 0; index < coldRuns; index += 1) {
      const coldSlug = `bench-delivery-cold-${runId}-${index}`;
      await api("POST", "/api/v1/stories", {
        slug: coldSlug,
        headline: `Cold ${coldSlug}`,
        body: words(10_000, `Cold ${runId} ${index}: `),
        credits: [{ name: "Bench Reporter", role: "byline" }],
        publish: true,
      });
      const started = performance.now();
      const answer = await rawGet(`${onB}/stories/${coldSlug}`);
      cold.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`cold page answered ${answer.status}`);
      const readStarted = performance.now();
      const story = await readPublishedStory({ slug: coldSlug });
      split.read.push(performance.now() - readStarted);
      const renderStarted = performance.now();
      renderStoryPage({
        article: story.article,
        liveRevisionNumber: story.liveRevisionNumber,
        origin: canonical,
      });
      split.render.push(performance.now() - renderStarted);
    }

    const line = (label: string, figure: { rps: number; non2xx: number; p99: number }, against?: number) =>
      console.log(
        `  ${label.padEnd(46)} ${figure.rps.toFixed(0).padStart(7)} req/s   p99 ${String(figure.p99).padStart(4)} ms${against ? `   ${(figure.rps / against).toFixed(2)}× nginx` : ""}${figure.non2xx ? `   (${figure.non2xx} non-2xx!)` : ""}`,
      );
    console.log(
      `\nDelivery (autocannon, ${connections} connections, ${durationSeconds} s each, same machine; page ${identity.length} bytes)`,
    );
    line("nginx, same bytes, 1 worker (baseline)", nginxFigure);
    line("warm story page, one instance (target ≥ 0.5×)", warmInstance, nginxFigure.rps);
    line("warm story page through Varnish (target ≥ 0.8×)", warmVarnish, nginxFigure.rps);
    console.log(
      `  publish on A → visible on B and through Varnish, ${publishes} publishes: p50 ${percentile(visible, 50).toFixed(1)} ms, p99 ${percentile(visible, 99).toFixed(1)} ms (target p99 < 1 s)`,
    );
    console.log(
      `  demo story page bytes: identity ${identity.length}, gzip ${gzip.length}, brotli ${br.length}`,
    );
    console.log(
      `  first render of a never-seen 10,000-word story on B, median of ${coldRuns}: ${percentile(cold, 50).toFixed(1)} ms (target < 100 ms)`,
    );
    console.log(
      `    of which, in-process: database read ${percentile(split.read, 50).toFixed(1)} ms, render ${percentile(split.render, 50).toFixed(1)} ms (the rest: HTTP, Next routing, compression)`,
    );
  } finally {
    await varnish?.stop();
    for (const child of children) child.kill("SIGTERM");
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}
