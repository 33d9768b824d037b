// Next calls this once as each server process starts: the place to start work that lives beside the web
// server (lib/server/server-process.ts, in the order lib/server/process-wiring.mjs describes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Jobs that change what readers see (scheduled publishes, embargo lifts) invalidate public caches through
  // this.
  const { registerJobInvalidation } = await import("./lib/schedules/public-invalidation");
  const { invalidatePublicStoryInBackground } = await import("./app/_public/invalidate-in-background");
  registerJobInvalidation({ invalidate: invalidatePublicStoryInBackground });
  const { startServerProcess } = await import("./lib/server/server-process");
  await startServerProcess();
}
