import "server-only";

import { readDatabaseUrl } from "@/lib/db/database-url";
import { readEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { processParts } from "@/lib/server/process-wiring.mjs";

import { startJobRunner } from "./job-runner";

const retryStartMs = 5_000;

/**
 * Starts this server process's job runner (lib/server/server-process.ts). A database that is down at start is
 * not fatal: the web server answers 503 meanwhile, and the runner keeps trying, then runs whatever fell due.
 */
export async function startServerJobs(): Promise<void> {
  if (!readEnv().COPYDESK_JOBS || processParts.jobRunner) return;
  const databaseUrl = readDatabaseUrl();
  const attempt = async (): Promise<void> => {
    try {
      const runner = await startJobRunner({ databaseUrl });
      processParts.jobRunner = runner;
      runner.promise.catch((error: unknown) => {
        logger.error("the job runner stopped; restarting it", { error });
        processParts.jobRunner = undefined;
        setTimeout(() => void attempt(), retryStartMs).unref();
      });
    } catch (error) {
      logger.error("the job runner could not start; trying again", { error, retryInMs: retryStartMs });
      setTimeout(() => void attempt(), retryStartMs).unref();
    }
  };
  await attempt();
}

/** Lets the runner finish its jobs or hand them back to the queue (lib/server/server-process.ts, on stop). */
export async function stopServerJobs(): Promise<void> {
  const runner = processParts.jobRunner;
  processParts.jobRunner = undefined;
  await runner?.stop();
}
