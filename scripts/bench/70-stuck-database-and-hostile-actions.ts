import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { findFreePort } from "@/lib/db/free-port";

import { ensureCurrentBuild } from "./support/ensure-build";
import { median, startCopydeskServer, waitUntilAnswering } from "./support/measure";

/*
 * Issue 19, defects 5 and 6, on a Copydesk server (scripts/serve.mjs, production build) of this module's own,
 * on an embedded PostgreSQL of its own that the module freezes with SIGSTOP (a shared server must never be):
 * - health latency with nobody else on the instance, beside the same while two clients post an 11.8 MB body
 *   of nested brackets to a real server action without a session, in a loop;
 * - how long a warm reader page, a never-read page, an API save and health take while the database does not
 *   answer, beside the same with the database answering.
 */

const healthSamples = 20;
const unansweredAfterMs = 60_000;
const hostileSeconds = Number(process.env.BENCH_HOSTILE_SECONDS ?? 8);

function timedRequest(options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
}): Promise<{ status: number; ms: number; stale: boolean }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      options.url,
      { method: options.method ?? "GET", headers: options.headers },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            ms: performance.now() - started,
            stale: response.headers["x-copydesk-stale"] !== undefined,
          }),
        );
      },
    );
    request.on("error", () => resolve({ status: 0, ms: performance.now() - started, stale: false }));
    // A server without limits would wait for the database as long as it stays frozen: 0 means no answer in
    // time.
    request.setTimeout(unansweredAfterMs, () => request.destroy());
    request.end(options.body);
  });
}

async function healthLatencies(origin: string, count: number, gapMs = 100): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index++) {
    latencies.push((await timedRequest({ url: `${origin}/api/health` })).ms);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return latencies;
}

/**
 * One client posting the hostile body in a loop for `hostileSeconds`, in a process of its own so that writing
 * 11.8 MB bodies does not slow this process's health measurements. Resolves to each post's time to its
 * answer.
 */
async function hostileClient(options: { origin: string; actionId: string }): Promise<number[]> {
  const script = `
    const http = require("node:http");
    const body = Buffer.from("[".repeat(11_800_000));
    const until = Date.now() + Number(process.env.SECONDS) * 1000;
    const times = [];
    const post = () => new Promise((resolve) => {
      const started = performance.now();
      const request = http.request(process.env.TARGET, { method: "POST", headers: { "next-action": process.env.ACTION, "content-type": "text/plain;charset=UTF-8" } }, (response) => {
        response.resume();
        response.on("end", () => { times.push(performance.now() - started); resolve(); });
      });
      request.on("error", () => resolve());
      request.end(body);
    });
    (async () => { while (Date.now() < until) await post(); console.log(JSON.stringify(times)); })();`;
  const child = spawn(process.execPath, ["-e", script], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      TARGET: `${options.origin}/desk`,
      ACTION: options.actionId,
      SECONDS: String(hostileSeconds),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.once("exit", resolve));
  return JSON.parse(output || "[]") as number[];
}

const figure = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms, worst ${Math.max(...values).toFixed(0)} ms`;

export default async function run(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  await ensureCurrentBuild({ distDir, purpose: "Stuck database and hostile actions" });
  const { startFreezablePostgres } = await import("@/lib/testing/freezable-postgres");
  const { createTestActor } = await import("@/lib/auth/test-actors");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { createStory } = await import("@/lib/stories/create-story");
  const { disconnectDb } = await import("@/lib/db/client");

  const postgres = await startFreezablePostgres();
  const benchDatabaseUrl = process.env.DATABASE_URL;
  const pointAt = async (url: string | undefined) => {
    await disconnectDb();
    process.env.DATABASE_URL = url;
  };
  await pointAt(postgres.databaseUrl);
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = startCopydeskServer({ distDir, port });
  try {
    const editor = await createTestActor({ role: "editor" });
    const { token } = await createApiToken({ userId: editor.userId, name: "bench", actor: "system" });
    for (const slug of ["bench-warm", "bench-cold-answering", "bench-cold-frozen"]) {
      await createStory({
        actor: editor,
        input: {
          slug,
          headline: `Bench ${slug}`,
          body: "A paragraph readers see.",
          credits: [{ name: editor.name, role: "byline" }],
          publish: true,
        },
      });
    }
    await waitUntilAnswering({ url: `${origin}/api/health`, child: server, status: 200 });

    // Defect 5: health while two clients post the hostile body in a loop.
    const manifest = JSON.parse(
      readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, unknown> };
    const actionId = Object.keys(manifest.node)[0]!;
    const quiet = await healthLatencies(origin, healthSamples);
    const attackers = [hostileClient({ origin, actionId }), hostileClient({ origin, actionId })];
    const underAttack = await healthLatencies(origin, healthSamples, (hostileSeconds * 1000) / healthSamples);
    const actionAnswers = (await Promise.all(attackers)).flat();
    console.log(
      "\nHealth with an 11.8 MB nested-bracket action body posted without a session (two clients in a loop)",
    );
    console.log(`  health, nobody else on the instance      ${figure(quiet)}`);
    console.log(`  health, under the hostile posts          ${figure(underAttack)}`);
    console.log(
      `  each hostile post answered in            ${figure(actionAnswers)} (${actionAnswers.length} posts)`,
    );

    // Defect 6: the same requests with the database answering, then frozen.
    const requests = {
      "warm reader page": () => timedRequest({ url: `${origin}/stories/bench-warm` }),
      "never-read reader page": (phase: string) =>
        timedRequest({ url: `${origin}/stories/bench-cold-${phase}` }),
      "API save": () =>
        timedRequest({
          url: `${origin}/api/v1/stories/bench-warm/revisions`,
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: Buffer.from(JSON.stringify({ baseRevision: 1, summary: "Bench", body: "Unchanged?" })),
        }),
      health: () => timedRequest({ url: `${origin}/api/health` }),
      // Once this instance has seen the database fail, a reader of a kept page does not wait for it at all.
      "warm reader page again": () => timedRequest({ url: `${origin}/stories/bench-warm` }),
    };
    await requests["warm reader page"]();
    const answering: Record<string, { status: number; ms: number; stale: boolean }> = {};
    for (const [name, request] of Object.entries(requests)) answering[name] = await request("answering");
    await postgres.freeze();
    const frozen: Record<string, { status: number; ms: number; stale: boolean }> = {};
    try {
      // Past the memo's 2-second bound, so the warm page can no longer be vouched for.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      for (const [name, request] of Object.entries(requests)) frozen[name] = await request("frozen");
    } finally {
      postgres.thaw();
    }
    const shown = (result: { status: number; ms: number; stale: boolean }) =>
      (result.status === 0
        ? `no answer in ${unansweredAfterMs / 1000} s`
        : `${result.status}${result.stale ? " stale" : ""} in ${result.ms.toFixed(0)} ms`
      ).padEnd(22);
    console.log("\nWith the database answering, and frozen with SIGSTOP (not refusing connections)");
    console.log(`  ${"".padEnd(24)}${"answering".padEnd(22)}frozen`);
    for (const name of Object.keys(requests))
      console.log(`  ${name.padEnd(24)}${shown(answering[name]!)}${shown(frozen[name]!)}`);
  } finally {
    postgres.thaw();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await pointAt(benchDatabaseUrl);
    await postgres.stop();
  }
}
