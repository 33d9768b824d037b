// The file each worker thread of the pool (worker-pool.ts) starts from. Plain JavaScript, and outside Next's
// bundles on purpose: Next compiles server code into chunks whose paths and module format are its own, and a
// worker thread needs a file Node can load by itself, in `next build` output as under Vitest or tsx alike. It
// registers tsx (a runtime dependency, which scripts already run on) and loads the TypeScript tasks from
// source.
import { register } from "tsx/esm/api";

register();
const { runWorkerTask } = await import("./worker-tasks.ts");

export default runWorkerTask;
