import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { findFreePort } from "@/lib/db/free-port";

const projectDir = path.resolve(import.meta.dirname, "..");

// `npm start` refuses before it touches the database or builds; these run the real entry point.
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
      {
        cwd: projectDir,
        env: { ...process.env, NODE_OPTIONS: "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("npm start refuses clearly, without a stack trace", () => {
  it("names a bad setting", async () => {
    const result = await start({ NEWSROOM_TIME_STYLE: "chicago" });

    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(
      'copydesk: Invalid configuration: NEWSROOM_TIME_STYLE must be "house" or "ap".',
    );
  });

  // Guards the bug where only PORT was named, so fixing three settings took three restarts.
  it("names every bad setting at once", async () => {
    const result = await start({
      PORT: "abc",
      NEWSROOM_TIME_STYLE: "chicago",
      NEWSROOM_TIME_ZONE: "Mars/Olympus_Mons",
    });

    expect(result.code).toBe(1);
    expect(result.output).toContain("copydesk: Invalid configuration (3 settings):");
    expect(result.output).toContain("PORT must be a port number.");
    expect(result.output).toContain('NEWSROOM_TIME_STYLE must be "house" or "ap".');
    expect(result.output).toContain("NEWSROOM_TIME_ZONE must be an IANA time zone");
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  it("says when the configured database is down", async () => {
    const closedPort = await findFreePort();
    const result = await start({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/copydesk`,
      PORT: String(await findFreePort()),
    });

    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `copydesk: Cannot reach the database at 127.0.0.1:${closedPort}: nothing answers there.`,
    );
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  it("says when the port is taken", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const address = taken.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const result = await start({ PORT: String(port) });

      expect(result.code).toBe(1);
      expect(result.output).toContain(`copydesk: Port ${port} is already in use.`);
      expect(result.output).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });
});
