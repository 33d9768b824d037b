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

/** Requests per second from autocannon, in its own process so it does not share the event loop it measures. */
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

/** Copydesk's production server on `port`, from the build in `distDir`, on the DATABASE_URL this process has. */
export function startCopydeskServer(options: { distDir: string; port: number }): ChildProcess {
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
  return spawn(process.execPath, ["scripts/serve.mjs"], { env, stdio: "ignore" });
}
