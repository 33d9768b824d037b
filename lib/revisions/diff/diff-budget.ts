/**
 * The shared time budget of one content comparison. Every expensive step asks it how long it may
 * run; a step that finds it spent falls back to a coarser granularity and records why, so a huge or
 * unrelated pair of revisions yields a coarser answer instead of a hung request.
 */
export type DiffBudget = {
  /** Milliseconds left; 0 once spent. */
  remaining: () => number;
  /** Records that a field fell back, keeping the first reason (the one an editor should read). */
  degrade: (reason: string) => void;
  readonly degraded: boolean;
  readonly reason: string | null;
};

export const defaultDiffTimeoutMs = 1_000;

export function createDiffBudget(options: { timeoutMs: number }): DiffBudget {
  const deadline = performance.now() + Math.max(0, options.timeoutMs);
  let reason: string | null = null;
  return {
    remaining: () => Math.max(0, deadline - performance.now()),
    degrade: (why) => {
      reason ??= why;
    },
    get degraded() {
      return reason !== null;
    },
    get reason() {
      return reason;
    },
  };
}
