import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";

import { childEnv } from "@/scripts/support/child-env";

const nextBin = (projectDir: string) => path.join(projectDir, "node_modules/next/dist/bin/next");
const serverScript = (projectDir: string) => path.join(projectDir, "scripts/serve.mjs");

/** `next build`, with its output kept in `logFile` (shown when it fails). Resolves with the exit code. */
export function runNextBuild(options: { projectDir: string; distDir: string; logFile: string }): {
  child: ChildProcess;
  done: Promise<number>;
} {
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, [nextBin(options.projectDir), "build"], {
    cwd: options.projectDir,
    env: childEnv({ NODE_ENV: "production", NEXT_DIST_DIR: options.distDir }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const done = new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (code) => log.end(() => resolve(code ?? 1)));
  });
  return { child, done };
}

/**
 * Copydesk's server (scripts/serve.mjs: Next.js plus the public-page fast path) on `port`. Next's own start
 * banner is held back (Copydesk prints its own line once the health check passes); everything it logs after
 * that, and all of stderr, goes to the terminal.
 */
export function startNextServer(options: {
  projectDir: string;
  distDir: string;
  port: number;
  env: Record<string, string>;
}): {
  child: ChildProcess;
  showOutput: () => void;
  heldOutput: () => string;
} {
  const child = spawn(process.execPath, [serverScript(options.projectDir)], {
    cwd: options.projectDir,
    env: childEnv({
      ...options.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: options.distDir,
      PORT: String(options.port),
    }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let held = "";
  let showing = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    if (showing) process.stdout.write(chunk);
    else held += chunk.toString();
  });
  return {
    child,
    showOutput: () => {
      showing = true;
    },
    heldOutput: () => held,
  };
}
