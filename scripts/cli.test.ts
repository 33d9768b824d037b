import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { authenticateApiToken, createApiToken } from "@/lib/auth/api-tokens";
import { verifyPassword } from "@/lib/auth/passwords";
import { createUser, deactivateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";

const projectDir = path.resolve(import.meta.dirname, "..");

type CliResult = { code: number | null; stdout: string; stderr: string };

// The real entry point in a child process, as `npm run cli --` runs it, against this file's test database.
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args],
      {
        cwd: projectDir,
        env: { ...process.env, NODE_OPTIONS: "", COPYDESK_PASSWORD: undefined, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const password = "correct horse battery staple";

// Each case starts the CLI several times, and each start loads TypeScript afresh: on a busy two-core machine
// that took over the default minute (four cases failed by timeout in a run beside three other test runs).
const cliCase = { timeout: 240_000 };

describe("npm run cli", cliCase, () => {
  it("adds a user with the password from COPYDESK_PASSWORD", async () => {
    const result = await cli(
      ["user:add", "--email", "Nadia.Editor@Example.org", "--name", "Nadia Okafor", "--role", "editor"],
      { COPYDESK_PASSWORD: password },
    );

    expect(result.stderr).toContain("Added editor nadia.editor@example.org (Nadia Okafor).");
    expect(result.code).toBe(0);
    const user = await getDb().user.findUnique({ where: { email: "nadia.editor@example.org" } });
    expect(user).toMatchObject({ name: "Nadia Okafor", role: "editor", active: true });
    expect(user?.passwordHash).not.toContain(password);
  });

  it("refuses user:add without a password when there is no terminal to prompt on, creating nothing", async () => {
    const result = await cli([
      "user:add",
      "--email",
      "no.password@example.org",
      "--name",
      "No Password",
      "--role",
      "contributor",
    ]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("No password given. Set COPYDESK_PASSWORD");
    expect(await getDb().user.count({ where: { email: "no.password@example.org" } })).toBe(0);
  });

  it("refuses a bad role and a missing option with usage help, creating nothing", async () => {
    const [badRole, missing, unknown] = await Promise.all([
      cli(["user:add", "--email", "bad.role@example.org", "--name", "Bad Role", "--role", "owner"], {
        COPYDESK_PASSWORD: password,
      }),
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
    await createUser({
      email: "api.owner@example.org",
      name: "Api Owner",
      role: "contributor",
      password,
      actor: "system",
    });

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
    await createUser({
      email: "leaving@example.org",
      name: "Leaving Reporter",
      role: "contributor",
      password,
      actor: "system",
    });

    const result = await cli(["user:deactivate", "--email", "leaving@example.org"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Deactivated leaving@example.org.");
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "leaving@example.org" } })).active).toBe(
      false,
    );
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
      cli(["user:deactivate", "--email", "someone@example.org"], {
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/copydesk`,
      }),
      cli(["user:deactivate", "--email", "someone@example.org"], { NEWSROOM_TIME_ZONE: "Atlantis/Capital" }),
    ]);

    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`Cannot reach the database at 127.0.0.1:${closedPort}`);
    expect(down.stderr).not.toMatch(/\n\s+at /);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toContain("Invalid configuration: NEWSROOM_TIME_ZONE must be an IANA time zone");
    expect(badConfig.stderr).not.toMatch(/\n\s+at /);
  });

  // Regression guard: `--email a --email b` deactivated only b and exited 0.
  it("refuses a repeated flag with exit 2, changing nothing", async () => {
    await createUser({
      email: "first.twice@example.org",
      name: "First Twice",
      role: "contributor",
      password,
      actor: "system",
    });
    await createUser({
      email: "second.twice@example.org",
      name: "Second Twice",
      role: "contributor",
      password,
      actor: "system",
    });

    const result = await cli([
      "user:deactivate",
      "--email",
      "first.twice@example.org",
      "--email",
      "second.twice@example.org",
    ]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("user:deactivate: --email was given more than once; give it once.");
    expect(result.stderr).toContain("Usage: npm run cli -- user:deactivate --email E");
    const users = await getDb().user.findMany({
      where: { email: { in: ["first.twice@example.org", "second.twice@example.org"] } },
      select: { active: true },
    });
    expect(users).toEqual([{ active: true }, { active: true }]);
  });

  it("reactivates a deactivated user by email; an unknown email is exit 1", async () => {
    const user = await createUser({
      email: "back.again@example.org",
      name: "Back Again",
      role: "editor",
      password,
      actor: "system",
    });
    const { token } = await createApiToken({ userId: user.id, name: "Before leaving", actor: "system" });
    await deactivateUser({ userId: user.id, actor: "system" });

    const [result, unknown] = await Promise.all([
      cli(["user:reactivate", "--email", "Back.Again@example.org"]),
      cli(["user:reactivate", "--email", "nobody.here@example.org"]),
    ]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Reactivated back.again@example.org");
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      active: true,
      deactivatedAt: null,
    });
    // What the help promises: deactivation revoked the token for good.
    expect(await authenticateApiToken({ token })).toBeNull();
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("copydesk: That user does not exist.");
  });

  it("sets a new password from COPYDESK_PASSWORD; a short one is refused naming the variable, with exit 2", async () => {
    const user = await createUser({
      email: "forgot@example.org",
      name: "Forgot Password",
      role: "admin",
      password,
      actor: "system",
    });
    const newPassword = "a brand new passphrase";

    const [short, missing] = await Promise.all([
      cli(["user:set-password", "--email", "forgot@example.org"], { COPYDESK_PASSWORD: "short" }),
      cli(["user:set-password", "--email", "forgot@example.org"]),
    ]);

    expect(short.code).toBe(2);
    expect(short.stderr).toContain(
      "COPYDESK_PASSWORD: Password must be at least 12 characters. Nothing was changed.",
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("No password given. Set COPYDESK_PASSWORD");
    const unchanged = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword({ hash: unchanged.passwordHash, password })).toBe(true);

    const result = await cli(["user:set-password", "--email", "forgot@example.org"], {
      COPYDESK_PASSWORD: newPassword,
    });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Set a new password for forgot@example.org.");
    const changed = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword({ hash: changed.passwordHash, password: newPassword })).toBe(true);
    expect(await verifyPassword({ hash: changed.passwordHash, password })).toBe(false);
  });

  it("changes a role; a bad role is exit 2, demoting the only active admin is refused with exit 1", async () => {
    const editor = await createUser({
      email: "promoted@example.org",
      name: "Promoted Editor",
      role: "editor",
      password,
      actor: "system",
    });
    await getDb().user.updateMany({
      where: { role: "admin", id: { not: editor.id } },
      data: { active: false },
    });

    const [promoted, badRole] = await Promise.all([
      cli(["user:set-role", "--email", "promoted@example.org", "--role", "admin"]),
      cli(["user:set-role", "--email", "promoted@example.org", "--role", "boss"]),
    ]);

    expect(promoted.code).toBe(0);
    expect(promoted.stderr).toContain("promoted@example.org is now an admin.");
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role: Choose admin, editor or contributor");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("admin");

    const lastAdmin = await cli([
      "user:set-role",
      "--email",
      "promoted@example.org",
      "--role",
      "contributor",
    ]);

    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain("This is the newsroom’s only active admin.");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("admin");
  });

  // Regression guard: a bad --name exited 1 (refused by the service) while a bad --email exited 2.
  it("gives a bad --name, --email or COPYDESK_PASSWORD to user:add the same exit 2, creating nothing", async () => {
    const [invisibleName, longName, badEmail, shortPassword] = await Promise.all([
      cli(["user:add", "--email", "invisible@example.org", "--name", "\u200b", "--role", "editor"], {
        COPYDESK_PASSWORD: password,
      }),
      cli(["user:add", "--email", "long.name@example.org", "--name", "N".repeat(121), "--role", "editor"], {
        COPYDESK_PASSWORD: password,
      }),
      cli(["user:add", "--email", "not-an-email", "--name", "Bad Email", "--role", "editor"], {
        COPYDESK_PASSWORD: password,
      }),
      cli(
        ["user:add", "--email", "short.password@example.org", "--name", "Short Password", "--role", "editor"],
        { COPYDESK_PASSWORD: "too short" },
      ),
    ]);

    expect([invisibleName.code, longName.code, badEmail.code, shortPassword.code]).toEqual([2, 2, 2, 2]);
    expect(invisibleName.stderr).toContain("--name: Enter a name.");
    expect(longName.stderr).toContain("--name: Name must be at most 120 characters.");
    expect(badEmail.stderr).toContain("--email: Enter a valid email address.");
    expect(shortPassword.stderr).toContain("COPYDESK_PASSWORD: Password must be at least 12 characters.");
    const emails = ["invisible@example.org", "long.name@example.org", "short.password@example.org"];
    expect(await getDb().user.count({ where: { email: { in: emails } } })).toBe(0);
  });

  it("stores a name typed with a combining accent in NFC, so it is credited as the same contributor", async () => {
    const decomposed = "Jose\u0301 Nin\u0303o";
    await getDb().contributor.create({ data: { name: "José Niño".normalize("NFC") } });

    const result = await cli(
      ["user:add", "--email", "jose@example.org", "--name", decomposed, "--role", "contributor"],
      { COPYDESK_PASSWORD: password },
    );

    expect(result.code).toBe(0);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "jose@example.org" } });
    expect(user.name).toBe("José Niño".normalize("NFC"));
    const contributors = await getDb().contributor.findMany({
      where: { name: { in: [decomposed, decomposed.normalize("NFC")] } },
    });
    expect(contributors).toEqual([
      expect.objectContaining({ name: decomposed.normalize("NFC"), userId: user.id }),
    ]);
  });

  it("prints help", async () => {
    const result = await cli(["--help"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("user:add --email E --name N --role admin|editor|contributor");
    expect(result.stdout).toContain("token:revoke --id ID");
    expect(result.stdout).toContain("user:reactivate --email E");
    // Regression (issue 18.11): the help said a reactivated user's unrevoked API tokens "work again too";
    // none survive.
    expect(result.stdout).toContain("their old sessions and API tokens stay revoked");
    expect(result.stdout).not.toContain("work again");
    expect(result.stdout).toContain("user:set-password --email E");
    expect(result.stdout).toContain("user:set-role --email E --role admin|editor|contributor");
  });
});

describe("npm run cli token:list and user:signout", cliCase, () => {
  it("token:list prints everyone's tokens with owner, name, prefix, created and last used; --email narrows it", async () => {
    // Guards issue 9.8: the command line had no way to find a token's id once token:create had printed it.
    const { createApiToken } = await import("@/lib/auth/api-tokens");
    const owner = await createUser({
      email: "list.owner@example.org",
      name: "List Owner",
      role: "editor",
      password,
      actor: "system",
    });
    const other = await createUser({
      email: "list.other@example.org",
      name: "List Other",
      role: "contributor",
      password,
      actor: "system",
    });
    const made = await createApiToken({ userId: owner.id, name: "Wire importer", actor: "system" });
    await createApiToken({ userId: other.id, name: "Other script", actor: "system" });

    const all = await cli(["token:list"]);
    expect(all.code).toBe(0);
    const [header, ...lines] = all.stdout.trim().split("\n");
    expect(header).toBe("id\towner\tname\tprefix\tcreated\tlast used\tstatus");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${made.id}\\tlist.owner@example.org\\tWire importer\\t${made.prefix}…\\t\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\tnever\\tactive$`,
          ),
        ),
      ]),
    );
    expect(all.stdout).toContain("list.other@example.org");
    expect(all.stdout).not.toContain(made.token);

    const mine = await cli(["token:list", "--email", "list.owner@example.org"]);
    expect(mine.stdout.trim().split("\n")).toHaveLength(2);
    expect((await cli(["token:list", "--email", "not-an-email"])).code).toBe(2);
  });

  it("user:signout ends every session of the user", async () => {
    const { startSession } = await import("@/lib/auth/sessions");
    const user = await createUser({
      email: "signout.cli@example.org",
      name: "Signout Cli",
      role: "editor",
      password,
      actor: "system",
    });
    await startSession({ userId: user.id, userAgent: "one" });
    await startSession({ userId: user.id, userAgent: "two" });
    const result = await cli(["user:signout", "--email", "signout.cli@example.org"]);
    expect(result.stderr).toContain("Signed signout.cli@example.org out of 2 sessions.");
    expect(await getDb().userSession.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
    expect((await cli(["user:signout", "--email", "nobody.cli@example.org"])).code).toBe(1);
  });

  it("user:reset-factors lets an admin who lost their phone back in: factors gone, sessions ended, audited", async () => {
    const admin = await createUser({
      email: "lost.phone@example.org",
      name: "Lost Phone",
      role: "admin",
      password,
      actor: "system",
    });
    await getDb().totpFactor.create({
      data: { userId: admin.id, secretEncrypted: "sealed", confirmedAt: new Date() },
    });
    await getDb().recoveryCode.create({ data: { userId: admin.id, codeHash: "spent" } });
    const { startSession } = await import("@/lib/auth/sessions");
    await startSession({ userId: admin.id, userAgent: "phone" });
    const result = await cli(["user:reset-factors", "--email", "lost.phone@example.org"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("authenticator app removed, 0 passkey(s), 1 recovery code(s) removed");
    expect(await getDb().totpFactor.count({ where: { userId: admin.id } })).toBe(0);
    expect(await getDb().userSession.count({ where: { userId: admin.id, endedAt: null } })).toBe(0);
    expect(
      await getDb().authEvent.findFirstOrThrow({ where: { userId: admin.id, kind: "factors_reset" } }),
    ).toMatchObject({ actorId: null, clientAddress: "command line" });
    expect((await cli(["user:reset-factors", "--email", "nobody.cli@example.org"])).code).toBe(1);
  });
});
