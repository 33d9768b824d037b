import "server-only";

import { availableParallelism } from "node:os";
import path from "node:path";
import { Piscina } from "piscina";

import { AppError } from "@/lib/errors/app-error";

import type { WorkerTaskName, WorkerTasks } from "./worker-tasks";

/*
 * The one pool of worker threads for CPU-heavy work (long renders, large diffs and merges), so that work
 * never holds the event loop every reader, editor and health check waits on. Bounded three ways: threads (one
 * less than the cores, at least one, at most four), a queue (a few tasks per thread; beyond it the work is
 * refused with a 503 and Retry-After, and only that work: nothing else waits for the pool), and a time limit
 * per task, counted from when it was asked for, queue included (a running task's thread is stopped). With one
 * core left to the event loop, the threads need no lower priority to leave it room.
 */

const threads = Math.min(4, Math.max(1, availableParallelism() - 1));
/**
 * Tasks running or taken at once. Counted here: Piscina's own maxQueue lets abortable tasks wait uncounted.
 */
const capacity = threads * 5;
/** Every task bounds its own work (budgets inside diffs, the Markdown guard); this is the net under them. */
const workerTaskTimeLimitMs = 10_000;

// Resolved from the project folder, the working directory of every way Copydesk runs (scripts/serve.mjs,
// Vitest, scripts): this module's own URL points into Next's build output once bundled.
const entry = path.join(process.cwd(), "lib/workers/worker-entry.mjs");

let pool: Piscina | undefined;
let taken = 0;

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: entry,
    minThreads: 1,
    maxThreads: threads,
    // Kept warm for a minute: starting a thread loads the renderer and the diff from source.
    idleTimeout: 60_000,
  });
  return pool;
}

const busyMessage = "The server is busy with other long work right now. Please try again in a few seconds.";

/**
 * Runs one task (worker-tasks.ts) on the pool. Throws AppError "unavailable" (503, Retry-After) when the pool
 * is full or the task outran its time limit.
 */
export async function runOffLoop<Name extends WorkerTaskName>(
  name: Name,
  input: Parameters<WorkerTasks[Name]>[0],
): Promise<ReturnType<WorkerTasks[Name]>> {
  if (taken >= capacity) {
    throw new AppError({
      code: "unavailable",
      message: `worker pool full (${taken} tasks) for ${name}`,
      userMessage: busyMessage,
    });
  }
  taken += 1;
  try {
    // What comes back across the thread is what runWorkerTask returned for this name; Piscina types it as
    // any.
    return (await thePool().run(
      { name, input },
      { signal: AbortSignal.timeout(workerTaskTimeLimitMs) },
    )) as ReturnType<WorkerTasks[Name]>;
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") {
      throw new AppError({
        code: "unavailable",
        message: `worker task ${name} not done ${workerTaskTimeLimitMs} ms after it was asked for`,
        userMessage: busyMessage,
        cause: error,
      });
    }
    throw error;
  } finally {
    taken -= 1;
  }
}
