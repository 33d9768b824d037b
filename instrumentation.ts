// Next calls this once as each server process starts: the place to start work that lives beside the web
// server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerJobs } = await import("./lib/jobs/server-jobs");
  await startServerJobs();
}
