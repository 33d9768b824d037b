import { median } from "./measure";

export type HealthFigure = { median: number; max: number; count: number };

/**
 * Runs `work` while asking `probe` (a health check) again and again, one at a time, until the work settles:
 * how long the work took and how long health took to answer meanwhile. The first probe is asked before the
 * work starts, so work that holds the event loop shows as one health answer as slow as the work itself.
 */
export async function healthDuring<T>(options: {
  work: () => Promise<T>;
  probe: () => Promise<unknown>;
}): Promise<{ result: T; wall: number; health: HealthFigure }> {
  let done = false;
  const latencies: number[] = [];
  const probing = (async () => {
    while (!done) {
      const start = performance.now();
      await options.probe();
      latencies.push(performance.now() - start);
    }
  })();
  const start = performance.now();
  // Yield once so the first probe is on its way before synchronous work can begin.
  await new Promise((resolve) => setImmediate(resolve));
  const result = await options.work().finally(() => {
    done = true;
  });
  const wall = performance.now() - start;
  await probing;
  return {
    result,
    wall,
    health: { median: median(latencies), max: Math.max(...latencies), count: latencies.length },
  };
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
