import "server-only";

import { z } from "zod";

import type { TaskName } from "./task-list";

// The slice of a Prisma transaction client this needs, so any service's `tx` fits without importing Prisma
// types.
type Transaction = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> };

export const EnqueueJobInput = z.object({
  task: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  runAt: z.date().optional(),
  // A job with the same key replaces the waiting one (a reschedule), instead of queueing a second.
  jobKey: z.string().min(1).optional(),
  maxAttempts: z.number().int().min(1).max(100).optional(),
  // "unsafe_dedupe": a job with the same key, waiting, running or failed for good, is left as it is and no
  // second one is queued (a mail that must never go twice); the default "replace" moves a waiting one.
  jobKeyMode: z.enum(["replace", "unsafe_dedupe"]).optional(),
});
export type EnqueueJobInput = z.infer<typeof EnqueueJobInput> & { task: TaskName };

/**
 * Queues a job inside the caller's transaction: the job exists exactly when the change that needs it commits,
 * so a purge or a schedule can never be lost between the write and the queue, nor run for a rolled-back
 * write.
 */
export async function enqueueJob(options: EnqueueJobInput & { tx: Transaction }): Promise<void> {
  const { task, payload, runAt, jobKey, maxAttempts, jobKeyMode } = EnqueueJobInput.parse(options);
  await options.tx.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${task}::text,
    payload => ${JSON.stringify(payload)}::json,
    run_at => ${runAt ?? null}::timestamptz,
    job_key => ${jobKey ?? null}::text,
    max_attempts => ${maxAttempts ?? null}::int,
    job_key_mode => ${jobKeyMode ?? "replace"}::text
  )`;
}

/** Cancels a waiting job by its key (a cancelled schedule); a job already running is left to finish. */
export async function cancelJob(options: { tx: Transaction; jobKey: string }): Promise<void> {
  await options.tx.$executeRaw`SELECT graphile_worker.remove_job(${options.jobKey}::text)`;
}
