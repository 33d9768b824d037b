import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

import { findFreePort } from "@/lib/db/free-port";

/**
 * A second Copydesk web server (scripts/serve.mjs on the same build as the shared e2e server) on a database
 * URL of the test's choosing, for tests that do to a server what they must not do to the shared one.
 */
export async function startOwnServer(options: {
  databaseUrl: string;
  /** Default: a free port. */
  port?: number;
  /** Settings on top of the defaults below (e.g. one NEXTAUTH_SECRET shared by several instances). */
  env?: Record<string, string>;
}): Promise<{ baseUrl: string; output: () => string; stop: () => Promise<void> }> {
  const port = options.port ?? (await findFreePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    COPYDESK_HOST: "127.0.0.1",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...options.env,
  };
  delete env.NODE_OPTIONS;
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
