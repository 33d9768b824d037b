import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real Varnish (varnishd in the foreground) with the shipped deploy/varnish/default.vcl, its backends
 * replaced by the given origins: for tests and benchmarks. Needs the Debian packages varnish and
 * varnish-modules.
 */
export type RunningVarnish = { url: string; output: () => string; stop: () => Promise<void> };

const shippedVcl = path.resolve(import.meta.dirname, "../../../deploy/varnish/default.vcl");

async function vclForBackends(options: { backends: { host: string; port: number }[] }): Promise<string> {
  const vcl = await readFile(shippedVcl, "utf8");
  const start = vcl.indexOf("# BACKENDS-BEGIN");
  const end = vcl.indexOf("# BACKENDS-END");
  if (start < 0 || end < 0) throw new Error("deploy/varnish/default.vcl has no BACKENDS-BEGIN/END block");
  const probe = vcl.slice(
    vcl.indexOf("probe copydesk_health", start),
    vcl.indexOf("}", vcl.indexOf("probe copydesk_health", start)) + 1,
  );
  const backends = options.backends
    .map(
      (backend, index) =>
        `backend app${index + 1} {\n    .host = "${backend.host}";\n    .port = "${backend.port}";\n    .probe = copydesk_health;\n}\n`,
    )
    .join("\n");
  const init = `sub vcl_init {\n    new copydesk = directors.round_robin();\n${options.backends.map((_, index) => `    copydesk.add_backend(app${index + 1});\n`).join("")}}\n`;
  return `${vcl.slice(0, start)}# BACKENDS-BEGIN (generated)\n${probe}\n\n${backends}\n${init}${vcl.slice(end)}`;
}

export async function startVarnish(options: {
  port: number;
  backends: { host: string; port: number }[];
}): Promise<RunningVarnish> {
  const workDir = await mkdtemp(path.join(tmpdir(), "copydesk-varnish-"));
  const vclPath = path.join(workDir, "default.vcl");
  await writeFile(vclPath, await vclForBackends({ backends: options.backends }));
  // Run as root, varnishd compiles the VCL as its own unprivileged user, which must be able to read it.
  await chmod(workDir, 0o755);
  await chmod(vclPath, 0o644);
  const url = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(
    "varnishd",
    [
      "-F",
      "-a",
      `127.0.0.1:${options.port}`,
      "-f",
      vclPath,
      "-n",
      path.join(workDir, "state"),
      "-T",
      "none",
      "-s",
      "malloc,64m",
      "-p",
      "vsl_space=1m",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(workDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`varnishd exited while starting:\n${output}`);
    }
    // Any answer means it is listening (a purge without a tag is refused with 400).
    const up = await fetch(url, { method: "PURGE" }).then(
      () => true,
      () => false,
    );
    if (up) return { url, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`varnishd did not start listening:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
