// Next calls this once as each server process starts: the place to start work that lives beside the web
// server (lib/server/server-process.ts, in the order lib/server/process-wiring.mjs describes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/server/server-process");
  await startServerProcess();
}
