import "server-only";

import { disconnectDb } from "@/lib/db/client";
import { answerFromMemo } from "@/lib/delivery/deliver-public-page";
import { ensureInvalidationListener, stopInvalidationListener } from "@/lib/delivery/invalidation-listener";
import { startServerJobs, stopServerJobs } from "@/lib/jobs/server-jobs";
import { logger } from "@/lib/log/logger";

import { processParts } from "./process-wiring.mjs";

/**
 * Starts the parts a server process runs beside its web server, in order, and announces them to
 * scripts/serve.mjs (lib/server/process-wiring.mjs shows the whole process, and a request's way through it).
 * Called once, by instrumentation.ts as Next prepares.
 *
 * The listener is started without waiting for its first catch-up: until then the memo is not trusted and every
 * public page is rendered, which is right, and a database that is slow to answer must not hold up the start.
 */
export async function startServerProcess(): Promise<void> {
  try {
    void ensureInvalidationListener();
    await startServerJobs();
    processParts.announceStarted({ answerFromMemo, stop: stopServerProcess });
  } catch (error) {
    processParts.failToStart(error);
    throw error;
  }
}

/**
 * After the web server has stopped taking requests (scripts/serve.mjs): the reverse of the start. A part that
 * fails to stop does not keep the others running; the log says which one and why.
 */
async function stopServerProcess(): Promise<void> {
  const parts = [
    ["job runner", stopServerJobs],
    ["invalidation listener", stopInvalidationListener],
    ["database client", disconnectDb],
  ] as const;
  for (const [part, stop] of parts) {
    await stop().catch((error: unknown) => logger.warn(`stopping the ${part} failed`, { error }));
  }
}
