import "server-only";

import { readDatabaseUrl } from "@/lib/db/database-url";
import { readEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

import { startJobRunner, type JobRunner } from "./job-runner";

declare global {
  // scripts/serve.mjs stops it on SIGTERM, after the web server has stopped taking requests.
  var copydeskJobRunner: JobRunner | undefined;
}

const retryStartMs = 5_000;

/**
 * Starts this server process's job runner (instrumentation.ts). A database that is down at start is not
 * fatal: the web server answers 503 meanwhile, and the runner keeps trying, then runs whatever fell due.
 */
export async function startServerJobs(): Promise<void> {
  if (!readEnv().COPYDESK_JOBS || globalThis.copydeskJobRunner) return;
  const databaseUrl = readDatabaseUrl();
  const attempt = async (): Promise<void> => {
    try {
      globalThis.copydeskJobRunner = await startJobRunner({ databaseUrl });
      globalThis.copydeskJobRunner.promise.catch((error: unknown) => {
        logger.error("the job runner stopped; restarting it", { error });
        globalThis.copydeskJobRunner = undefined;
        setTimeout(() => void attempt(), retryStartMs).unref();
      });
    } catch (error) {
      logger.error("the job runner could not start; trying again", { error, retryInMs: retryStartMs });
      setTimeout(() => void attempt(), retryStartMs).unref();
    }
  };
  await attempt();
}
