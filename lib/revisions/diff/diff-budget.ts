/**
 * The shared time budget of one content comparison. Every expensive step asks it how long it may
 * run; a step that finds it spent falls back to a coarser granularity and records why, so a huge or
 * unrelated pair of revisions yields a coarser answer instead of a hung request.
 */
export type DiffBudget = {
  /** Milliseconds left; 0 once spent. */
  remaining: () => number;
  /**
   * What one word-level comparison may use: at most a quarter of the whole budget, so a single
   * pathological paragraph falls back alone instead of starving every other paragraph.
   */
  stepLimit: () => number;
  /** Records that a field fell back, keeping the first reason (the one an editor should read). */
  degrade: (reason: string) => void;
  readonly degraded: boolean;
  readonly reason: string | null;
};

export const defaultDiffTimeoutMs = 1_000;
const minimumStepMs = 20;

export function createDiffBudget(options: { timeoutMs: number }): DiffBudget {
  const total = Number.isFinite(options.timeoutMs) ? Math.max(0, options.timeoutMs) : defaultDiffTimeoutMs;
  const deadline = performance.now() + total;
  const step = Math.max(minimumStepMs, total / 4);
  let reason: string | null = null;
  const remaining = () => Math.max(0, deadline - performance.now());
  return {
    remaining,
    stepLimit: () => Math.min(remaining(), step),
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
