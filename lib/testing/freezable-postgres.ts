import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startEmbeddedDatabase } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/migrations";
import { findRunningPostgres } from "@/lib/db/postmaster-pid";

export type FreezablePostgres = {
  databaseUrl: string;
  /**
   * SIGSTOP to the server and every process it forked: connections stay open and new ones are accepted by the
   * kernel, but nothing answers, as with a frozen host or a network path that swallows packets.
   */
  freeze: () => Promise<void>;
  /** SIGCONT to the same processes. Safe to call when not frozen; call it in a `finally`. */
  thaw: () => void;
  stop: () => Promise<void>;
};

async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Field 4 is the parent pid; the command name before it is in parentheses and may contain spaces.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return children;
}

/** An embedded PostgreSQL server of the caller's own (a shared one must never be frozen), migrated. */
export async function startFreezablePostgres(): Promise<FreezablePostgres> {
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), "copydesk-frozen-pg-"));
  // PostgreSQL runs as its own user when the tests run as root: it must be able to enter the folder.
  await chmod(dataRoot, 0o755);
  const database = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
  await applyMigrations({ databaseUrl: database.databaseUrl });
  const postmaster = await findRunningPostgres({ dataDir: path.join(dataRoot, "pg") });
  if (!postmaster) throw new Error("the embedded PostgreSQL server has no postmaster.pid");
  let frozen: number[] = [];
  const thaw = () => {
    for (const pid of frozen) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {
        // Already gone.
      }
    }
    frozen = [];
  };
  return {
    databaseUrl: database.databaseUrl,
    freeze: async () => {
      // The postmaster first, so it forks nothing new while its children are stopped.
      process.kill(postmaster.pid, "SIGSTOP");
      frozen = [postmaster.pid];
      for (const child of await childrenOf(postmaster.pid)) {
        process.kill(child, "SIGSTOP");
        frozen.push(child);
      }
    },
    thaw,
    stop: async () => {
      thaw();
      await database.stop();
      await rm(dataRoot, { recursive: true, force: true });
    },
  };
}
