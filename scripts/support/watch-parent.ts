import { readFileSync } from "node:fs";

const shells = new Set(["sh", "dash", "bash", "zsh"]);

/** The parent of `pid` according to /proc (Linux), or null where there is no /proc. */
function parentOf(pid: number): number | null {
  try {
    // The command name is in parentheses and may contain spaces; the parent pid is the second field after it.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/**
 * Calls `onOrphaned` once when the process that started this one is gone. npm does not pass SIGTERM on to
 * the scripts it runs (and runs them through `sh -c`, which stays in between), so a service manager stopping
 * `npm start` would otherwise leave Copydesk running: the shell's parent is watched too.
 */
export function watchParent(options: { onOrphaned: () => void; intervalMs?: number }): void {
  const parent = process.ppid;
  const grandparent = shells.has(commandOf(parent)) ? parentOf(parent) : null;
  const timer = setInterval(() => {
    const orphaned = process.ppid !== parent || (grandparent !== null && parentOf(parent) !== grandparent);
    if (!orphaned) return;
    clearInterval(timer);
    options.onOrphaned();
  }, options.intervalMs ?? 500);
  timer.unref();
}
