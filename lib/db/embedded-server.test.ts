import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { EmbeddedDatabaseError, startEmbeddedDatabase } from "./embedded-server";
import { isProcessAlive } from "./postmaster-pid";

async function query(databaseUrl: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL server", () => {
  let dataRoot = "";

  beforeAll(async () => {
    dataRoot = await mkdtemp(path.join(os.tmpdir(), "copydesk-embedded-"));
    // Started as root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
    await chmod(dataRoot, 0o755);
  });

  afterAll(async () => {
    await rm(dataRoot, { recursive: true, force: true });
  });

  it("initialises once, and keeps its data across a stop and a start", async () => {
    const first = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
    await query(
      first.databaseUrl,
      "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives a restart')",
    );
    await first.stop();
    await expect(readFile(path.join(dataRoot, "pg", "postmaster.pid"))).rejects.toThrow();

    const second = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
    try {
      expect(await query(second.databaseUrl, "SELECT note FROM kept")).toEqual([
        { note: "survives a restart" },
      ]);
      expect(second.databaseUrl).toMatch(/^postgresql:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/copydesk$/);
    } finally {
      await second.stop();
    }
  });

  it("starts despite a stale postmaster.pid whose pid now belongs to another process", async () => {
    // Regression: after a crash the recorded pid may be reused, and PostgreSQL would refuse to start.
    const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const stale = [
        String(unrelated.pid),
        path.join(dataRoot, "pg"),
        "0",
        "1",
        "",
        "127.0.0.1",
        "0",
        "ready",
        "",
      ].join("\n");
      await writeFile(path.join(dataRoot, "pg", "postmaster.pid"), stale);
      const database = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
      try {
        expect(await query(database.databaseUrl, "SELECT note FROM kept")).toHaveLength(1);
      } finally {
        await database.stop();
      }
    } finally {
      unrelated.kill();
    }
  });

  it("lets a second process share a running server without stopping it, and refuses a second owner", async () => {
    const owner = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
    try {
      // Ownership is per process: pretend another live process started it.
      const helper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
      await writeFile(path.join(dataRoot, "pg-owner.json"), JSON.stringify({ pid: helper.pid }));
      try {
        const shared = await startEmbeddedDatabase({ ifOwnedElsewhere: "share", dataRoot });
        expect(shared.startedHere).toBe(false);
        expect(shared.port).toBe(owner.port);
        await shared.stop();
        expect(await query(owner.databaseUrl, "SELECT 1 AS up")).toEqual([{ up: 1 }]);

        const second = startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
        await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseError);
        await expect(second).rejects.toThrow(
          `Another Copydesk process (pid ${helper.pid}) is already using the embedded database`,
        );
      } finally {
        helper.kill();
      }
    } finally {
      await writeFile(path.join(dataRoot, "pg-owner.json"), JSON.stringify({ pid: process.pid }));
      await owner.stop();
    }
  });

  it("adopts a server left running by a process that died, and stops it cleanly", async () => {
    const orphaned = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
    const pid = Number((await readFile(path.join(dataRoot, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    await writeFile(path.join(dataRoot, "pg-owner.json"), JSON.stringify({ pid: 999_999_999 }));

    const adopted = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot });
    expect(adopted.startedHere).toBe(true);
    expect(adopted.port).toBe(orphaned.port);
    await adopted.stop();

    expect(isProcessAlive(pid)).toBe(false);
  });
});
