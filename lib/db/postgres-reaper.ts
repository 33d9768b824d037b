import { spawn } from "node:child_process";

// Runs in a process of its own, so it outlives an owner killed with SIGKILL (or by the OOM killer), whose
// exit handlers never run. PostgreSQL ignores its parent's death; without this it would keep the data folder.
const reaper = `
const [owner, server] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (error) { return error.code === "EPERM"; } };
setInterval(() => {
  if (!alive(server)) process.exit(0);
  if (alive(owner)) return;
  try { process.kill(server, "SIGINT"); } catch {}
  process.exit(0);
}, 500);
`;

/**
 * Stops the embedded PostgreSQL server ("fast" shutdown) as soon as the process that owns it is gone,
 * however it ended. The watcher exits by itself once the server has stopped.
 */
export function stopServerWhenOwnerDies(options: { serverPid: number }): void {
  const watcher = spawn(process.execPath, ["-e", reaper, String(process.pid), String(options.serverPid)], {
    detached: true,
    stdio: "ignore",
    // Plain node: no NODE_OPTIONS loaders to start, and no secrets from this environment to hold.
    env: { NODE_ENV: "production" },
  });
  watcher.on("error", () => {});
  watcher.unref();
}
