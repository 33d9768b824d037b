import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { createTestStory } from "@/lib/revisions/test-stories";

const projectDir = path.resolve(import.meta.dirname, "..");

type CliResult = { code: number | null; stdout: string; stderr: string };

// The real entry point in a child process, as `npm run cli --` runs it, with `input` on its stdin.
function cli(args: string[], input = ""): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args],
      { cwd: projectDir, env: { ...process.env, NODE_OPTIONS: "" }, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const passage = "whose name the court withheld";

// Each start loads TypeScript afresh; on a busy two-core machine that takes a while (see cli.test.ts).
describe("npm run cli -- removals:…", { timeout: 240_000 }, () => {
  it("lists, shows and verifies as a named admin; an editor is refused; the text comes from stdin", async () => {
    const asker = await createTestActor({ role: "admin", name: "Rosa Vega" });
    const approver = await createTestActor({ role: "admin", name: "Lena Park" });
    const editor = await createTestActor({ role: "editor" });
    await createTestStory({
      actor: asker,
      slug: "cli-removal",
      publish: true,
      body: `A witness, ${passage}, saw it.\n\nMore later.`,
    });
    const asked = await requestLegalRemoval({
      actor: asker,
      slug: "cli-removal",
      input: {
        items: [{ kind: "passage", field: "body", text: passage }],
        internalReason: "Court order",
        publicNotice: "This story was edited on legal advice.",
        noticePlacement: "foot",
      },
    });

    const [listed, refused] = await Promise.all([
      cli(["removals:list", "--as", approver.email, "--story", "cli-removal"]),
      cli(["removals:list", "--as", editor.email]),
    ]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split("\n")[1]).toMatch(
      new RegExp(`^${asked.number}\tpending\tyes\tcli-removal\t1\tRosa Vega\t`),
    );
    expect(listed.stderr).toContain("1 request; 1 waiting for you.");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");

    await approveLegalRemoval({ actor: approver, number: asked.number });
    const number = String(asked.number);
    const [shown, verified, unmatched, empty] = await Promise.all([
      cli(["removals:show", "--as", asker.email, "--number", number]),
      cli(["removals:verify", "--as", asker.email, "--number", number], `${passage}\n`),
      cli(["removals:verify", "--as", asker.email, "--number", number], "something else"),
      cli(["removals:verify", "--as", asker.email, "--number", number]),
    ]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ removal: { number: asked.number, state: "approved" } });
    expect(shown.stdout).not.toContain(passage);
    expect(verified).toMatchObject({ code: 0, stdout: "passage\tbody\n" });
    expect(unmatched.code).toBe(1);
    expect(unmatched.stderr).toContain(`This text matches nothing removal ${number} took out.`);
    expect(empty.code).toBe(2);
  });
});
