import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";

import { ensureCurrentBuild } from "./support/ensure-build";
import { median, startCopydeskServer, waitUntilAnswering, wrkLoad } from "./support/measure";

/*
 * The fast path (issue 20): a warm public story page, answered from the memo by scripts/serve.mjs, beside a
 * bare node:http server sending exactly the same status, headers and bytes, both loaded by wrk (C, epoll: it
 * is not the bottleneck, where autocannon saturates first) in alternating rounds of the same run. Once
 * without Accept-Encoding (wrk's default: the identity body) and once with `Accept-Encoding: br`. Both
 * servers run under this Node with the same (no) flags. On a machine with two cores or more, each server is
 * pinned to the last core and wrk to the others, so the server never shares its core with the load.
 * Target: the warm page at 0.8× or more of the bare server's requests per second.
 *
 * BENCH_FASTPATH_SECONDS (10) and BENCH_FASTPATH_ROUNDS (3) size it; BENCH_FASTPATH_CPU_PROF=<dir> runs
 * Copydesk's server with --cpu-prof into <dir> (its figures are then not comparable: the profiler costs).
 * BENCH_FASTPATH_BASELINE_DIST=<dist dir> adds, in the same rounds, a second server from another build (say,
 * of main), so a change to the fast path is measured before and after under the same load.
 * Needs a production build (NEXT_DIST_DIR, default .next) and wrk; taskset when present.
 */

const connections = 32;
const durationSeconds = Number(process.env.BENCH_FASTPATH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_FASTPATH_ROUNDS ?? 3);
const profileDir = process.env.BENCH_FASTPATH_CPU_PROF;
const baselineDist = process.env.BENCH_FASTPATH_BASELINE_DIST;
const port = Number(process.env.BENCH_FASTPATH_PORT ?? 3250);
const targetRatio = 0.8;
const cores = availableParallelism();
const pinned = cores >= 2 && spawnable("taskset");
const serverCpu = pinned ? String(cores - 1) : undefined;
const loadCpus = pinned ? (cores === 2 ? "0" : `0-${cores - 2}`) : undefined;

function spawnable(command: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      return statSync(path.join(dir, command)).isFile();
    } catch {
      return false;
    }
  });
}

type WrkFigure = Awaited<ReturnType<typeof wrkLoad>> & { cpuMicrosPerRequest: number | null };

// Requests per second depend on what else runs on the machine; the CPU a server spends per request does not,
// so it is shown beside them. Linux: user + system time of all its threads, in clock ticks (100 a second).
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
type Captured = { status: number; rawHeaders: string[]; body: Buffer };

// Node adds these to every answer by itself (the bare server's too), so they are not copied.
const addedByNode = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

function capture(url: string, headers: Record<string, string>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const rawHeaders: string[] = [];
          for (let index = 0; index < response.rawHeaders.length; index += 2) {
            if (addedByNode.has(response.rawHeaders[index]!.toLowerCase())) continue;
            rawHeaders.push(response.rawHeaders[index]!, response.rawHeaders[index + 1]!);
          }
          resolve({ status: response.statusCode ?? 0, rawHeaders, body: Buffer.concat(chunks) });
        });
      })
      .on("error", reject);
  });
}

/**
 * A node:http server, in its own process, answering every request with `answer`'s status, headers and bytes.
 */
async function startBareServer(answer: Captured, barePort: number, dir: string): Promise<ChildProcess> {
  const file = path.join(dir, `answer-${barePort}.json`);
  await writeFile(
    file,
    JSON.stringify({
      status: answer.status,
      rawHeaders: answer.rawHeaders,
      body: answer.body.toString("base64"),
    }),
  );
  const source = `const a=JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)},"utf8"));const body=Buffer.from(a.body,"base64");require("node:http").createServer((q,s)=>{s.writeHead(a.status,a.rawHeaders);s.end(q.method==="HEAD"?undefined:body);}).listen(${barePort},"127.0.0.1");`;
  const command = [process.execPath, "-e", source];
  if (serverCpu) command.unshift("taskset", "-c", serverCpu);
  const child = spawn(command[0]!, command.slice(1), { stdio: "ignore" });
  await waitUntilAnswering({ url: `http://127.0.0.1:${barePort}/`, child, status: answer.status });
  return child;
}

export default async function run(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  await ensureCurrentBuild({ distDir, purpose: "Fast path" });
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { createUser } = await import("@/lib/auth/users");

  const runId = Date.now().toString(36);
  const user = await createUser({
    email: `bench-fast-path-${runId}@bench.test`,
    name: `Bench Fast Path ${runId}`,
    role: "editor",
    password: `bench password ${runId}`,
    actor: "system",
  });
  const { token } = await createApiToken({ userId: user.id, name: "bench", actor: "system" });
  const origin = `http://127.0.0.1:${port}`;
  const copydesk = startCopydeskServer({
    distDir,
    port,
    cpus: serverCpu,
    nodeFlags: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  });
  const children: ChildProcess[] = [copydesk];
  const dir = await mkdtemp(path.join(tmpdir(), "copydesk-bench-fast-path-"));
  try {
    await waitUntilAnswering({ url: `${origin}/api/health`, child: copydesk, status: 200 });
    const slug = `bench-fast-path-${runId}`;
    const paragraph =
      "City officials said the inspection of the bridge would continue through the night, and that crews would report their findings to the transportation department before the morning commute began.";
    const created = await fetch(`${origin}/api/v1/stories`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        slug,
        headline: `Bench story ${slug}`,
        dek: "A story for the fast-path benchmark.",
        body: Array.from({ length: 25 }, (_, index) => `${paragraph} (${index + 1})`).join("\n\n"),
        credits: [{ name: "Bench Reporter", role: "byline" }],
        publish: true,
      }),
    });
    if (!created.ok)
      throw new Error(`creating the story answered ${created.status}: ${await created.text()}`);
    const pageUrl = `${origin}/stories/${slug}`;
    let baseline: { pageUrl: string; pid: number | undefined } | undefined;
    if (baselineDist) {
      const baselinePort = port + 3;
      const child = startCopydeskServer({ distDir: baselineDist, port: baselinePort, cpus: serverCpu });
      children.push(child);
      await waitUntilAnswering({ url: `http://127.0.0.1:${baselinePort}/api/health`, child, status: 200 });
      baseline = { pageUrl: `http://127.0.0.1:${baselinePort}/stories/${slug}`, pid: child.pid };
    }

    const encodings: Array<{ label: string; headers: Record<string, string> }> = [
      { label: "identity (no Accept-Encoding)", headers: {} },
      { label: "Accept-Encoding: br", headers: { "accept-encoding": "br" } },
    ];
    console.log(
      `\nFast path (wrk -t2 -c${connections} -d${durationSeconds}s, ${rounds} alternating rounds, medians; ${pinned ? `servers pinned to CPU ${serverCpu}, wrk to CPU ${loadCpus}` : "not pinned: servers and wrk share the cores"}${profileDir ? "; PROFILING, figures not comparable" : ""})`,
    );
    let failed = false;
    for (const [index, encoding] of encodings.entries()) {
      // The first answers fill the memo (the route handler renders and keeps the page); from then on
      // serve.mjs answers from it. Captured after warming, so the bytes are the fast path's own.
      for (let warm = 0; warm < 5; warm += 1) {
        await capture(pageUrl, encoding.headers);
        if (baseline) await capture(baseline.pageUrl, encoding.headers);
      }
      const answer = await capture(pageUrl, encoding.headers);
      if (answer.status !== 200) throw new Error(`the warm page answered ${answer.status}`);
      const barePort = port + 1 + index;
      const bare = await startBareServer(answer, barePort, dir);
      children.push(bare);
      const load = async (url: string, pid: number | undefined): Promise<WrkFigure> => {
        const cpuBefore = cpuSeconds(pid);
        const figure = await wrkLoad({
          url,
          connections,
          durationSeconds,
          headers: encoding.headers,
          cpus: loadCpus,
        });
        const cpuAfter = cpuSeconds(pid);
        const served = figure.rps * durationSeconds;
        const cpuMicrosPerRequest =
          cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1e6) / served;
        return { ...figure, cpuMicrosPerRequest };
      };
      const targets = [
        {
          label: "bare node:http, same answer",
          url: `http://127.0.0.1:${barePort}/stories/${slug}`,
          pid: bare.pid,
        },
        { label: "warm story page (memo fast path)", url: pageUrl, pid: copydesk.pid },
        ...(baseline
          ? [{ label: `the same, built in ${baselineDist}`, url: baseline.pageUrl, pid: baseline.pid }]
          : []),
      ].map((target) => ({ ...target, figures: [] as WrkFigure[] }));
      for (let round = 0; round < rounds; round += 1) {
        for (const target of targets) target.figures.push(await load(target.url, target.pid));
      }
      bare.kill("SIGTERM");
      console.log(
        `  ${encoding.label}: ${answer.body.length} body bytes, ${answer.rawHeaders.length / 2} headers`,
      );
      for (const [position, target] of targets.entries()) {
        const rps = target.figures.map((figure) => figure.rps);
        const p99 = median(target.figures.map((figure) => figure.p99));
        const cpu = target.figures.map((figure) => figure.cpuMicrosPerRequest);
        const non2xx = target.figures.reduce((sum, figure) => sum + figure.non2xx, 0);
        const errors = target.figures.reduce((sum, figure) => sum + figure.socketErrors, 0);
        // Each round's ratio is against the bare server's figure of the same round, just before: other work
        // on the machine then weighs on both alike.
        const ratio = median(rps.map((figure, round) => figure / targets[0]!.figures[round]!.rps));
        const columns = [
          `    ${target.label.padEnd(36)}`,
          `${median(rps).toFixed(0).padStart(6)} req/s`,
          `p99 ${p99.toFixed(2).padStart(6)} ms`,
          cpu.every((micros) => micros !== null)
            ? `${median(cpu as number[])
                .toFixed(1)
                .padStart(5)} µs CPU/req`
            : "",
          position === 0 ? "     " : `${ratio.toFixed(2)}×`,
          `rounds ${rps.map((figure) => figure.toFixed(0)).join(", ")}`,
          non2xx ? `(${non2xx} non-2xx!)` : "",
          errors ? `(${errors} socket errors)` : "",
        ];
        console.log(columns.filter(Boolean).join("   "));
        if (position !== 1) continue;
        failed ||= ratio < targetRatio;
        console.log(
          `    ratio ${ratio.toFixed(2)}× (median of the rounds' ratios; target ≥ ${targetRatio}×): ${ratio >= targetRatio ? "pass" : "FAIL"}`,
        );
      }
    }
    if (failed) console.log("  The fast path is below its target.");
  } finally {
    for (const child of children) child.kill("SIGTERM");
    // The profile is written when the server exits.
    if (profileDir && copydesk.exitCode === null)
      await new Promise((resolve) => copydesk.on("exit", resolve));
    await rm(dir, { recursive: true, force: true });
  }
}
