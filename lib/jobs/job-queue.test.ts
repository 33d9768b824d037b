import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { ensureLoginRole, grantAppRole, urlForRole } from "@/lib/db/app-role";
import { getDb } from "@/lib/db/client";

import { cancelJob, enqueueJob } from "./enqueue-job";
import { startJobRunner, type JobRunner } from "./job-runner";
import type { TaskName } from "./task-list";

const databaseUrl = process.env.DATABASE_URL!;
const runners: JobRunner[] = [];
const role = `copydesk_jobs_test_${randomBytes(5).toString("hex")}`;

afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.stop()));
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  await owner.query(`DROP OWNED BY "${role}"`).catch(() => {});
  await owner.query(`DROP ROLE IF EXISTS "${role}"`);
  await owner.end();
});

/** Each test's task records the runs it got, by payload key, in a table of its own making. */
async function runLog(): Promise<{
  table: string;
  task: (payload: unknown) => Promise<void>;
  runs: () => Promise<string[]>;
}> {
  const table = `job_runs_${randomBytes(4).toString("hex")}`;
  await getDb().$executeRawUnsafe(`CREATE TABLE ${table} (key text NOT NULL)`);
  await getDb().$executeRawUnsafe(`GRANT INSERT, SELECT ON ${table} TO PUBLIC`);
  return {
    table,
    task: async (payload) => {
      await getDb().$executeRawUnsafe(
        `INSERT INTO ${table} (key) VALUES ($1)`,
        (payload as { key: string }).key,
      );
    },
    runs: async () =>
      (await getDb().$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM ${table} ORDER BY key`)).map(
        (row) => row.key,
      ),
  };
}

const pendingJobs = async (task: string) =>
  Number(
    (
      await getDb().$queryRaw<
        { count: bigint }[]
      >`SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = ${task}`
    )[0]!.count,
  );

describe("the job queue", () => {
  it("queues a job only when the change that needs it commits", async () => {
    const task = `test.atomic_${randomBytes(3).toString("hex")}` as TaskName; // a test-only task, outside the registry
    await expect(
      getDb().$transaction(async (tx) => {
        await enqueueJob({ tx, task, payload: { key: "rolled back" } });
        throw new Error("the write failed after queueing");
      }),
    ).rejects.toThrow("the write failed");
    expect(await pendingJobs(task)).toBe(0);

    await getDb().$transaction((tx) => enqueueJob({ tx, task, payload: { key: "committed" } }));
    expect(await pendingJobs(task)).toBe(1);
  });

  it("runs each job once although two runners share the queue", async () => {
    const log = await runLog();
    const task = `test.once_${randomBytes(3).toString("hex")}` as TaskName; // a test-only task, outside the registry
    const keys = Array.from({ length: 30 }, (_, index) => `job-${String(index).padStart(2, "0")}`);
    for (let count = 0; count < 2; count++)
      runners.push(
        await startJobRunner({ databaseUrl, taskList: { [task]: log.task }, pollIntervalMs: 200 }),
      );
    await getDb().$transaction(async (tx) => {
      for (const key of keys) await enqueueJob({ tx, task, payload: { key } });
    });
    await expect.poll(log.runs, { timeout: 30_000 }).toEqual(keys);
    await expect.poll(() => pendingJobs(task), { timeout: 10_000 }).toBe(0);
    expect(await log.runs()).toEqual(keys);
  });

  it("replaces a waiting job that has the same key, and cancels one by its key", async () => {
    const task = `test.keyed_${randomBytes(3).toString("hex")}` as TaskName; // a test-only task, outside the registry
    const later = new Date(Date.now() + 3_600_000);
    await getDb().$transaction((tx) =>
      enqueueJob({ tx, task, payload: { key: "first" }, runAt: later, jobKey: `${task}:a` }),
    );
    await getDb().$transaction((tx) =>
      enqueueJob({ tx, task, payload: { key: "second" }, runAt: later, jobKey: `${task}:a` }),
    );
    const rows = await getDb().$queryRaw<
      { payload: { key: string } }[]
    >`SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${task}`;
    expect(rows.map((row) => row.payload.key)).toEqual(["second"]);
    await getDb().$transaction((tx) => cancelJob({ tx, jobKey: `${task}:a` }));
    expect(await pendingJobs(task)).toBe(0);
  });

  it("runs under the app's least-privilege role", async () => {
    const password = randomBytes(16).toString("hex");
    await ensureLoginRole({ ownerUrl: databaseUrl, role, password });
    await grantAppRole({ ownerUrl: databaseUrl, appRole: role });
    const log = await runLog();
    const task = `test.app_role_${randomBytes(3).toString("hex")}` as TaskName; // a test-only task, outside the registry
    const appUrl = urlForRole({ databaseUrl, role, password });
    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    await app.query("SELECT graphile_worker.add_job($1, $2::json)", [
      task,
      JSON.stringify({ key: "as the app" }),
    ]);
    await app.end();
    runners.push(
      await startJobRunner({ databaseUrl: appUrl, taskList: { [task]: log.task }, pollIntervalMs: 200 }),
    );
    await expect.poll(log.runs, { timeout: 30_000 }).toEqual(["as the app"]);
  });
});
