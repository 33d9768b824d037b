import pLimit from "p-limit";

import { AppError } from "@/lib/errors/app-error";

/**
 * The cap on password-hashing work in one process. Each argon2 run takes 19 MiB and tens of milliseconds of
 * a core, so a flood of sign-in attempts (from however many addresses) queues here instead of starving
 * the desk; past the queue it is refused at once rather than piling up.
 */
export const hashingLimits = { concurrent: 4, queued: 32 } as const;

export type HashingGate = {
  run: <T>(task: () => Promise<T>) => Promise<T>;
  active: () => number;
  waiting: () => number;
};

export function hashingBusyError(): AppError {
  return new AppError({
    code: "unavailable",
    message: "password hashing queue is full",
    userMessage: "Sign-in is very busy right now. Please try again in a moment.",
  });
}

export function isHashingBusy(error: unknown): boolean {
  return error instanceof AppError && error.message === "password hashing queue is full";
}

export function createHashingGate(options: { concurrent: number; queued: number }): HashingGate {
  const limit = pLimit(options.concurrent);
  return {
    run: (task) =>
      limit.activeCount + limit.pendingCount >= options.concurrent + options.queued
        ? Promise.reject(hashingBusyError())
        : limit(task),
    active: () => limit.activeCount,
    waiting: () => limit.pendingCount,
  };
}
