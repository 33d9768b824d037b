import { spawn, type ChildProcess } from "node:child_process";

export type StepResult = { code: number; output: string; seconds: number };

const running = new Set<ChildProcess>();

/** Children still running, so Ctrl-C can stop them before the test database goes away. */
export function runningSteps(): ChildProcess[] {
  return [...running];
}

/**
 * Runs one step with its output streamed to the terminal and also kept, for counting errors.
 * `buffered` steps run alongside another and print their whole output when `flush` is called.
 */
export function runStep(options: {
  title: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  buffered?: boolean;
}): Promise<StepResult & { flush: () => void }> {
  let held = "";
  const write = (stream: NodeJS.WriteStream, text: string | Buffer) => {
    if (options.buffered) held += text.toString();
    else stream.write(text);
  };
  write(process.stdout, `\n━━ ${options.title}\n`);
  const started = Date.now();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    write(process.stdout, chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    write(process.stderr, chunk);
  });
  return new Promise((resolve) => {
    const finish = (code: number) => {
      running.delete(child);
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      write(
        process.stdout,
        `━━ ${options.title}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${seconds} s\n`,
      );
      resolve({ code, output, seconds, flush: () => process.stdout.write(held) });
    };
    child.on("error", (error) => {
      output += String(error);
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}
