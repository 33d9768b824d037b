import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { findFreePort } from "@/lib/db/free-port";

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

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts Copydesk on a data folder of its own, on the existing build, and collects what it prints. */
function launch(options: { dataDir: string; port: number; command: string; args: string[] }): {
  child: ChildProcess;
  output: () => string;
} {
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
  const child = spawn(options.command, options.args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function npmStart(options: {
  dataDir: string;
  port: number;
}): Promise<{ npm: ChildProcess; output: () => string }> {
  const { child, output } = launch({ ...options, command: "npm", args: ["start"] });
  await expect
    .poll(output, { timeout: 180_000, message: "npm start prints its sign-in line" })
    .toContain("Copydesk is running at");
  return { npm: child, output };
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
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${port}/api/health`).then(
            () => "answering",
            () => "closed",
          ),
        { timeout: 10_000 },
      )
      .toBe("closed");

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

/** The start script itself, without npm in front, as a process supervisor that runs `node` directly would. */
const startScript = (options: { dataDir: string; port: number }) =>
  launch({
    ...options,
    command: process.execPath,
    args: ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
  });

// Guards two bugs: a SIGTERM sent straight to the start script while PostgreSQL was starting exited at once
// and left the new server running, holding the data folder; and a SIGKILL (no handler runs) always left it
// running.
const cases = [
  { moment: "while PostgreSQL is still starting", signal: "SIGTERM" },
  { moment: "once Copydesk is running", signal: "SIGTERM" },
  { moment: "once Copydesk is running", signal: "SIGKILL" },
] as const;
for (const { moment, signal } of cases) {
  test(`${signal} to the start script ${moment} leaves no process behind`, async () => {
    test.setTimeout(300_000);
    const dataDir = await mkdtemp(path.join(tmpdir(), "copydesk-stop-"));
    await chmod(dataDir, 0o755);
    const port = await findFreePort();
    try {
      const { child: script, output } = startScript({ dataDir, port });
      const cue =
        moment === "once Copydesk is running"
          ? "Copydesk is running at"
          : "Creating the embedded PostgreSQL database";
      await expect.poll(output, { timeout: 180_000 }).toContain(cue);
      // Everything the script started, including a PostgreSQL server that may only now be forking its
      // workers.
      const seen = new Set<number>();
      const watch = setInterval(() => descendants(script.pid!).forEach((pid) => seen.add(pid)), 20);
      if (moment === "while PostgreSQL is still starting") {
        // The server itself, past initdb: the window in which the start script has not yet heard it is ready.
        const postgresServer = () =>
          descendants(script.pid!).some((pid) => commandLine(pid).includes("postgres\0-D"));
        await expect.poll(postgresServer, { timeout: 60_000, intervals: [10] }).toBe(true);
      }
      descendants(script.pid!).forEach((pid) => seen.add(pid));
      const exited = new Promise((resolve) => script.once("exit", resolve));
      script.kill(signal);
      await exited;
      clearInterval(watch);
      expect(seen.size).toBeGreaterThan(0);
      await expect.poll(() => [...seen].filter(alive), { timeout: 60_000 }).toEqual([]);
      await expect
        .poll(
          () =>
            fetch(`http://127.0.0.1:${port}/api/health`).then(
              () => "answering",
              () => "closed",
            ),
          { timeout: 10_000 },
        )
        .toBe("closed");
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}
