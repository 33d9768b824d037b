import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../lib/db/free-port";

/** Every live descendant of `root`, read from /proc. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const [child, parent] of parents) {
      if (parent !== pid) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function npmStart(options: { dataDir: string; port: number }): Promise<{ npm: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    COPYDESK_DATA_DIR: options.dataDir,
    COPYDESK_SKIP_BUILD: "true",
    SEED_DEMO: "false",
    ADMIN_PASSWORD: "a long enough e2e password",
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  const npm = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  npm.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output, { timeout: 180_000, message: "npm start prints its sign-in line" }).toContain("Copydesk is running at");
  return { npm, output: () => output };
}

// Guards the bug where SIGTERM to `npm start` (systemd, Docker, kill $(cat pidfile)) left the web server and
// PostgreSQL running, and the next start refused with "Another Copydesk process …".
test("SIGTERM to the npm start process alone stops the web server and PostgreSQL, and the next start works", async () => {
  test.setTimeout(420_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), "copydesk-stop-"));
  // Started as root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const port = await findFreePort();
  try {
    const first = await npmStart({ dataDir, port });
    const processes = descendants(first.npm.pid!);
    // npm's shell, the start script, the web server and PostgreSQL with its own workers.
    expect(processes.length).toBeGreaterThanOrEqual(4);
    const exited = new Promise((resolve) => first.npm.once("exit", resolve));
    first.npm.kill("SIGTERM");
    await exited;

    await expect.poll(() => processes.filter(alive), { timeout: 60_000 }).toEqual([]);
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/api/health`).then(() => "answering", () => "closed"), { timeout: 10_000 }).toBe("closed");

    const second = await npmStart({ dataDir, port });
    expect(second.output()).not.toContain("Another Copydesk process");
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    const again = descendants(second.npm.pid!);
    second.npm.kill("SIGTERM");
    await expect.poll(() => again.filter(alive), { timeout: 60_000 }).toEqual([]);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
