/**
 * A promise that can be asked whether it has settled yet: for tests that check what answered while a slow
 * request was still running (an order of events, not a timing).
 */
export function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const done = promise.finally(() => {
    settled = true;
  });
  // The test awaits `promise` itself; this keeps an early rejection from counting as unhandled meanwhile.
  done.catch(() => {});
  return { promise: done, settled: () => settled };
}
