import "server-only";

import { Logger, run, type LogFunctionFactory, type TaskList } from "graphile-worker";
import pg from "pg";

import { logger } from "@/lib/log/logger";

import { jobQueueSchema } from "./job-queue-schema";
import { taskList as appTaskList } from "./task-list";

export type JobRunner = { stop: () => Promise<void>; promise: Promise<void> };

// Graphile Worker's own lines go through the app's logger, so secrets are redacted the same way.
const logFactory: LogFunctionFactory = (scope) => (level, message, meta) => {
  const fields = {
    scope: { label: scope.label, taskIdentifier: scope.taskIdentifier, jobId: scope.jobId },
    ...meta,
  };
  if (level === "error") logger.error(`job queue: ${message}`, fields);
  else if (level === "warning") logger.warn(`job queue: ${message}`, fields);
  else if (level === "info") logger.info(`job queue: ${message}`, fields);
};

/**
 * Runs queued jobs in this process, beside every other instance's runner: Graphile Worker locks each job row
 * (SKIP LOCKED), so a job runs once however many instances are up, and jobs due while every instance was
 * down run as soon as the first one starts. New jobs are picked up by LISTEN/NOTIFY; ones due later by
 * polling.
 */
export async function startJobRunner(options: {
  databaseUrl: string;
  taskList?: TaskList;
  concurrency?: number;
  pollIntervalMs?: number;
}): Promise<JobRunner> {
  const concurrency = options.concurrency ?? 4;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: concurrency + 2 });
  // A dropped idle connection is replaced on next use; it must not crash the server process.
  const lost = (error: Error) => logger.warn("job queue: a database connection was lost", { error });
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  try {
    const runner = await run({
      pgPool: pool,
      schema: jobQueueSchema,
      taskList: options.taskList ?? appTaskList,
      crontab: "",
      concurrency,
      pollInterval: options.pollIntervalMs ?? 1_000,
      // The server process owns SIGTERM and stops the runner itself, after the web server
      // (scripts/serve.mjs).
      noHandleSignals: true,
      // Jobs carry instants from the database's clock, which every instance shares.
      useNodeTime: false,
      logger: new Logger(logFactory),
    });
    const ended = runner.promise.finally(() => pool.end().catch(() => {}));
    const stop = async () => {
      await runner.stop();
      await ended.catch(() => {});
    };
    return { promise: ended, stop };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}
