import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Waits until `url` answers below 500 (a server still starting answers nothing, or 503). */
export async function waitUntilAnswering(options: {
  url: string;
  child?: ChildProcess;
  status?: number;
}): Promise<void> {
  const { url, child, status } = options;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child && child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (status === undefined ? response.status < 500 : response.status === status) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Requests per second from autocannon, in its own process so it does not share the event loop it measures.
 */
export async function autocannonLoad(options: {
  url: string;
  connections: number;
  durationSeconds: number;
}): Promise<{ rps: number; non2xx: number; p99: number }> {
  const args = [
    "node_modules/autocannon/autocannon.js",
    "-c",
    String(options.connections),
    "-d",
    String(options.durationSeconds),
    "-j",
    options.url,
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.on("exit", resolve));
  const result = JSON.parse(output) as {
    requests: { average: number };
    non2xx: number;
    latency: { p99: number };
  };
  return { rps: result.requests.average, non2xx: result.non2xx, p99: result.latency.p99 };
}

/**
 * Requests per second and p99 from wrk, which (C, epoll) is not the bottleneck where autocannon (Node) is.
 * `cpus` pins it with taskset, so it does not share a core with the server it measures.
 */
export async function wrkLoad(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  cpus?: string;
}): Promise<{ rps: number; non2xx: number; p99: number; socketErrors: number }> {
  const wrk = [
    "wrk",
    "-t2",
    `-c${options.connections}`,
    `-d${options.durationSeconds}s`,
    "--latency",
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    options.url,
  ];
  const command = options.cpus ? ["taskset", "-c", options.cpus, ...wrk] : wrk;
  const child = spawn(command[0]!, command.slice(1), { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise((resolve) => child.on("exit", resolve));
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(output);
  if (exitCode !== 0 || !rps || !p99) throw new Error(`wrk ${options.url} (exit ${exitCode}):\n${output}`);
  const toMs = { us: 0.001, ms: 1, s: 1_000, m: 60_000 }[p99[2] as "us" | "ms" | "s" | "m"];
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    rps: Number(rps[1]),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    p99: Number(p99[1]) * toMs,
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
  };
}

/**
 * Copydesk's production server on `port`, from the build in `distDir`, on the DATABASE_URL this process has.
 * `cpus` pins it with taskset; `nodeFlags` go to its Node (e.g. --cpu-prof).
 */
export function startCopydeskServer(options: {
  distDir: string;
  port: number;
  cpus?: string;
  nodeFlags?: string[];
}): ChildProcess {
  const origin = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: options.distDir,
    PORT: String(options.port),
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
    COPYDESK_HOST: "127.0.0.1",
  };
  delete env.NODE_OPTIONS;
  const command = [process.execPath, ...(options.nodeFlags ?? []), "scripts/serve.mjs"];
  if (options.cpus) command.unshift("taskset", "-c", options.cpus);
  return spawn(command[0]!, command.slice(1), { env, stdio: "ignore" });
}
