import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createUser } from "../lib/auth/users";
import { getDb } from "../lib/db/client";
import { findFreePort } from "../lib/db/free-port";

const projectDir = path.resolve(import.meta.dirname, "..");

type CliResult = { code: number | null; stdout: string; stderr: string };

// The real entry point in a child process, as `npm run cli --` runs it, against this file's test database.
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args], {
      cwd: projectDir,
      env: { ...process.env, NODE_OPTIONS: "", COPYDESK_PASSWORD: undefined, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const password = "correct horse battery staple";

describe("npm run cli", () => {
  it("adds a user with the password from COPYDESK_PASSWORD", async () => {
    const result = await cli(["user:add", "--email", "Nadia.Editor@Example.org", "--name", "Nadia Okafor", "--role", "editor"], { COPYDESK_PASSWORD: password });

    expect(result.stderr).toContain("Added editor nadia.editor@example.org (Nadia Okafor).");
    expect(result.code).toBe(0);
    const user = await getDb().user.findUnique({ where: { email: "nadia.editor@example.org" } });
    expect(user).toMatchObject({ name: "Nadia Okafor", role: "editor", active: true });
    expect(user?.passwordHash).not.toContain(password);
  });

  it("refuses user:add without a password when there is no terminal to prompt on, creating nothing", async () => {
    const result = await cli(["user:add", "--email", "no.password@example.org", "--name", "No Password", "--role", "contributor"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("No password given. Set COPYDESK_PASSWORD");
    expect(await getDb().user.count({ where: { email: "no.password@example.org" } })).toBe(0);
  });

  it("refuses a bad role and a missing option with usage help, creating nothing", async () => {
    const [badRole, missing, unknown] = await Promise.all([
      cli(["user:add", "--email", "bad.role@example.org", "--name", "Bad Role", "--role", "owner"], { COPYDESK_PASSWORD: password }),
      cli(["user:add", "--name", "No Email", "--role", "editor"], { COPYDESK_PASSWORD: password }),
      cli(["user:add", "--emial", "typo@example.org"], { COPYDESK_PASSWORD: password }),
    ]);

    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role: Choose admin, editor or contributor");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--email is required");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--emial'");
    expect(await getDb().user.count({ where: { email: "bad.role@example.org" } })).toBe(0);
  });

  it("creates an API token printed alone on stdout, stores only its hash, and revokes it by id", async () => {
    await createUser({ email: "api.owner@example.org", name: "Api Owner", role: "contributor", password, actor: "system" });

    const created = await cli(["token:create", "--email", "api.owner@example.org", "--name", "CMS sync"]);

    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^cdk_[A-Za-z0-9_-]{20,}\n$/);
    const token = created.stdout.trim();
    const id = /API token ([0-9a-f-]{36})/.exec(created.stderr)?.[1];
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "CMS sync", revokedAt: null });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).not.toContain(token.slice(4));

    const revoked = await cli(["token:revoke", "--id", id!]);

    expect(revoked.code).toBe(0);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);
  });

  it("deactivates a user by email", async () => {
    await createUser({ email: "leaving@example.org", name: "Leaving Reporter", role: "contributor", password, actor: "system" });

    const result = await cli(["user:deactivate", "--email", "leaving@example.org"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Deactivated leaving@example.org.");
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "leaving@example.org" } })).active).toBe(false);
  });

  it("reports service refusals in one line: an unknown user, a token id that does not exist", async () => {
    const [unknownUser, unknownToken] = await Promise.all([
      cli(["user:deactivate", "--email", "nobody@example.org"]),
      cli(["token:revoke", "--id", "00000000-0000-4000-8000-000000000000"]),
    ]);

    expect(unknownUser.code).toBe(1);
    expect(unknownUser.stderr).toContain("copydesk: That user does not exist.");
    expect(unknownToken.code).toBe(1);
    expect(unknownToken.stderr).toContain("copydesk: That token does not exist.");
  });

  it("says clearly, without a stack trace, when the database is down or the configuration is bad", async () => {
    const closedPort = await findFreePort();
    const [down, badConfig] = await Promise.all([
      cli(["user:deactivate", "--email", "someone@example.org"], { DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/copydesk` }),
      cli(["user:deactivate", "--email", "someone@example.org"], { NEWSROOM_TIME_ZONE: "Atlantis/Capital" }),
    ]);

    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`Cannot reach the database at 127.0.0.1:${closedPort}`);
    expect(down.stderr).not.toMatch(/\n\s+at /);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toContain("Invalid configuration: NEWSROOM_TIME_ZONE must be an IANA time zone");
    expect(badConfig.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints help", async () => {
    const result = await cli(["--help"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("user:add --email E --name N --role admin|editor|contributor");
    expect(result.stdout).toContain("token:revoke --id ID");
  });
});

describe("npm run cli token:list and user:signout", () => {
  it("token:list prints everyone's tokens with owner, name, prefix, created and last used; --email narrows it", async () => {
    // Guards issue 9.8: the command line had no way to find a token's id once token:create had printed it.
    const { createApiToken } = await import("../lib/auth/api-tokens");
    const owner = await createUser({ email: "list.owner@example.org", name: "List Owner", role: "editor", password, actor: "system" });
    const other = await createUser({ email: "list.other@example.org", name: "List Other", role: "contributor", password, actor: "system" });
    const made = await createApiToken({ userId: owner.id, name: "Wire importer", actor: "system" });
    await createApiToken({ userId: other.id, name: "Other script", actor: "system" });

    const all = await cli(["token:list"]);
    expect(all.code).toBe(0);
    const [header, ...lines] = all.stdout.trim().split("\n");
    expect(header).toBe("id\towner\tname\tprefix\tcreated\tlast used\tstatus");
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${made.id}\\tlist.owner@example.org\\tWire importer\\t${made.prefix}…\\t\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\tnever\\tactive$`))]));
    expect(all.stdout).toContain("list.other@example.org");
    expect(all.stdout).not.toContain(made.token);

    const mine = await cli(["token:list", "--email", "list.owner@example.org"]);
    expect(mine.stdout.trim().split("\n")).toHaveLength(2);
    expect((await cli(["token:list", "--email", "not-an-email"])).code).toBe(2);
  });

  it("user:signout ends every session of the user", async () => {
    const { startSession } = await import("../lib/auth/sessions");
    const user = await createUser({ email: "signout.cli@example.org", name: "Signout Cli", role: "editor", password, actor: "system" });
    await startSession({ userId: user.id, userAgent: "one" });
    await startSession({ userId: user.id, userAgent: "two" });
    const result = await cli(["user:signout", "--email", "signout.cli@example.org"]);
    expect(result.stderr).toContain("Signed signout.cli@example.org out of 2 sessions.");
    expect(await getDb().userSession.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
    expect((await cli(["user:signout", "--email", "nobody.cli@example.org"])).code).toBe(1);
  });
});
