import { readFile, unlink } from "node:fs/promises";
import path from "node:path";

export type RunningPostgres = { pid: number; port: number };

/** Whether a process with this id exists (EPERM means it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// After a crash or a reboot the pid in postmaster.pid may belong to an unrelated process, and
// PostgreSQL would then refuse to start. On Linux /proc tells us whether it is really our server.
async function isPostgresFor(pid: number, dataDir: string): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  try {
    const commandLine = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    return commandLine.some((part) => part.endsWith("postgres")) && commandLine.includes(dataDir);
  } catch {
    // No /proc (macOS): a live process with that pid is most likely the server.
    return process.platform !== "linux";
  }
}

/**
 * The PostgreSQL server currently serving `dataDir`, read from its postmaster.pid
 * (line 1: pid, line 4: port). A stale file left by a killed server is removed.
 */
export async function findRunningPostgres(options: { dataDir: string }): Promise<RunningPostgres | null> {
  const dataDir = path.resolve(options.dataDir);
  const pidFile = path.join(dataDir, "postmaster.pid");
  let lines: string[];
  try {
    lines = (await readFile(pidFile, "utf8")).split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (
    Number.isInteger(pid) &&
    pid > 0 &&
    Number.isInteger(port) &&
    port > 0 &&
    (await isPostgresFor(pid, dataDir))
  ) {
    return { pid, port };
  }
  await unlink(pidFile).catch(() => {});
  return null;
}
