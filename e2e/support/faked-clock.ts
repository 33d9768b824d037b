import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

import { startEmbeddedDatabase } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/migrations";

import { pointServicesAt, turnSecondFactorPolicyOff } from "./database";

// Debian's libfaketime (`apt-get install faketime`; .ci/run installs it). The MT build, for Node's threads.
const libraries = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1",
  "/usr/lib/faketime/libfaketimeMT.so.1",
];

export type FakedClock = {
  /** Environment that puts a process (and its children) on this clock. */
  env: Record<string, string>;
  /** Sets every process on this clock to read `instant` now; from then on it runs at the real pace. */
  moveTo: (instant: Date) => Promise<void>;
  dispose: () => Promise<void>;
};

/**
 * One faked wall clock for several processes: libfaketime reads a relative offset ("+8812345") from a file
 * that each process re-reads every second, so PostgreSQL and the Copydesk server always agree, and moving the
 * clock needs no restart. Only the wall clock is faked: the monotonic clock behind timers and timeouts stays
 * real.
 */
export async function createFakedClock(): Promise<FakedClock> {
  const library = libraries.find((candidate) => existsSync(candidate));
  if (!library)
    throw new Error(
      `libfaketime is not installed (looked for ${libraries.join(", ")}): apt-get install faketime`,
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), "copydesk-clock-"));
  // PostgreSQL runs as its own user when the tests run as root: it must be able to read the offset.
  await chmod(dir, 0o755);
  const file = path.join(dir, "offset");
  const write = async (offsetSeconds: number) => {
    await writeFile(file, `${offsetSeconds >= 0 ? "+" : ""}${Math.round(offsetSeconds)}\n`);
    await chmod(file, 0o644);
  };
  await write(0);
  return {
    env: {
      LD_PRELOAD: library,
      FAKETIME_TIMESTAMP_FILE: file,
      FAKETIME_CACHE_DURATION: "1",
      FAKETIME_DONT_FAKE_MONOTONIC: "1",
    },
    moveTo: (instant) => write((instant.getTime() - Date.now()) / 1000),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * An embedded PostgreSQL of the spec's own, on the faked clock (now(), clock_timestamp() and the job queue's
 * times all come from it), migrated, with this process's lib/ services pointed at it.
 */
export async function startFakedClockDatabase(options: {
  clock: FakedClock;
}): Promise<{ databaseUrl: string; now: () => Promise<Date>; stop: () => Promise<void> }> {
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), "copydesk-faked-pg-"));
  await chmod(dataRoot, 0o755);
  const database = await startEmbeddedDatabase({
    ifOwnedElsewhere: "refuse",
    dataRoot,
    env: options.clock.env,
  });
  await applyMigrations({ databaseUrl: database.databaseUrl });
  await turnSecondFactorPolicyOff({ databaseUrl: database.databaseUrl });
  const restore = await pointServicesAt(database.databaseUrl);
  return {
    databaseUrl: database.databaseUrl,
    // A new connection is a new backend, which reads the clock afresh.
    now: async () => {
      const client = new pg.Client({ connectionString: database.databaseUrl });
      await client.connect();
      try {
        return (await client.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]!.now;
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await restore();
      await database.stop();
      await rm(dataRoot, { recursive: true, force: true });
    },
  };
}
