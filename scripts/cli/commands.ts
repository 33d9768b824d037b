import { z } from "zod";

import { EmailInput, RoleInput, UserNameInput } from "@/lib/auth/user-input";

import { command, tell, type Command } from "./command";
import { readNewPassword } from "./read-password";
import { removalCommands } from "./removal-commands";

export type { Command } from "./command";

// Services (and with them Prisma) load only when a command really runs, so --help and usage errors are quick.
const users = () => import("@/lib/auth/users");
const apiTokens = () => import("@/lib/auth/api-tokens");

// Arguments are checked here with the services' own rules, so any bad value is a bad command line (exit 2).
const UserAddArgs = z.strictObject({
  email: EmailInput,
  name: UserNameInput,
  role: RoleInput,
});

const EmailArgs = z.strictObject({ email: EmailInput });

const SetRoleArgs = z.strictObject({ email: EmailInput, role: RoleInput });

const TokenCreateArgs = z.strictObject({
  email: EmailInput,
  name: z.string().trim().min(1).max(80).default("Command line"),
});

const TokenRevokeArgs = z.strictObject({
  id: z.uuid({ error: "must be a token id as printed by token:create or token:list" }),
});

const TokenListArgs = z.strictObject({ email: EmailInput.optional() });

const sessions = () => import("@/lib/auth/sessions");

/** One token a line, tab-separated, so `cut` and spreadsheets read it; times are UTC instants. */
function tokenLine(token: {
  id: string;
  owner: { email: string };
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}): string {
  return [
    token.id,
    token.owner.email,
    token.name,
    `${token.prefix}…`,
    token.createdAt,
    token.lastUsedAt ?? "never",
    token.revokedAt ? `revoked ${token.revokedAt}` : "active",
  ].join("\t");
}

export const commands: Command[] = [
  command({
    name: "user:add",
    usage: "user:add --email E --name N --role admin|editor|contributor",
    summary: "Add a user. The password comes from COPYDESK_PASSWORD, or is typed at a hidden prompt.",
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
    schema: UserAddArgs,
    run: async ({ args, env }) => {
      const password = await readNewPassword({ fromEnv: env.COPYDESK_PASSWORD, email: args.email });
      const { createUser } = await users();
      const user = await createUser({ ...args, password, actor: "system" });
      tell(`Added ${user.role} ${user.email} (${user.name}).`);
    },
  }),
  command({
    name: "user:deactivate",
    usage: "user:deactivate --email E",
    summary: "Deactivate a user: their sessions and API tokens stop working at their next request.",
    options: { email: { type: "string" } },
    schema: EmailArgs,
    run: async ({ args }) => {
      const { deactivateUser } = await users();
      const user = await deactivateUser({ email: args.email, actor: "system" });
      tell(`Deactivated ${user.email}.`);
    },
  }),
  command({
    name: "user:reactivate",
    usage: "user:reactivate --email E",
    summary:
      "Let a deactivated user sign in again; their old sessions and API tokens stay revoked (they make new tokens).",
    options: { email: { type: "string" } },
    schema: EmailArgs,
    run: async ({ args }) => {
      const { reactivateUser } = await users();
      const user = await reactivateUser({ email: args.email, actor: "system" });
      tell(`Reactivated ${user.email}: they can sign in again.`);
    },
  }),
  command({
    name: "user:set-password",
    usage: "user:set-password --email E",
    summary:
      "Set a new password for a user who forgot theirs (from COPYDESK_PASSWORD, or typed at a hidden prompt).",
    options: { email: { type: "string" } },
    schema: EmailArgs,
    run: async ({ args, env }) => {
      const password = await readNewPassword({ fromEnv: env.COPYDESK_PASSWORD, email: args.email });
      const { setUserPassword } = await users();
      const user = await setUserPassword({ email: args.email, password, actor: "system" });
      tell(`Set a new password for ${user.email}. Sessions already open stay open until they expire.`);
    },
  }),
  command({
    name: "user:set-role",
    usage: "user:set-role --email E --role admin|editor|contributor",
    summary:
      "Change a user's role; it applies at their next request. The last active admin cannot be demoted.",
    options: { email: { type: "string" }, role: { type: "string" } },
    schema: SetRoleArgs,
    run: async ({ args }) => {
      const { changeUserRole } = await users();
      const user = await changeUserRole({ email: args.email, role: args.role, actor: "system" });
      tell(`${user.email} is now ${user.role === "contributor" ? "a" : "an"} ${user.role}.`);
    },
  }),
  command({
    name: "token:create",
    usage: "token:create --email E [--name N]",
    summary: "Create an API token for a user and print it once, alone on stdout (only its hash is stored).",
    options: { email: { type: "string" }, name: { type: "string" } },
    schema: TokenCreateArgs,
    run: async ({ args }) => {
      const { createApiToken } = await apiTokens();
      const created = await createApiToken({ email: args.email, name: args.name, actor: "system" });
      tell(
        `Created API token ${created.id} (${created.prefix}…) for ${args.email}. It is shown only now; revoke it with: npm run cli -- token:revoke --id ${created.id}`,
      );
      process.stdout.write(`${created.token}\n`);
    },
  }),
  command({
    name: "token:revoke",
    usage: "token:revoke --id ID",
    summary: "Revoke an API token by the id token:create printed (also listed on the desk's Tokens page).",
    options: { id: { type: "string" } },
    schema: TokenRevokeArgs,
    run: async ({ args }) => {
      const { revokeApiToken } = await apiTokens();
      const token = await revokeApiToken({ id: args.id, actor: "system" });
      tell(`Revoked API token ${token.id} (${token.prefix}…, “${token.name}”).`);
    },
  }),
  command({
    name: "token:list",
    usage: "token:list [--email E]",
    summary:
      "List everyone's API tokens (or one user's) on stdout: id, owner, name, prefix, created, last used, status.",
    options: { email: { type: "string" } },
    schema: TokenListArgs,
    run: async ({ args }) => {
      const { listAllApiTokens } = await apiTokens();
      const tokens = await listAllApiTokens({ actor: "system", email: args.email });
      process.stdout.write(
        ["id\towner\tname\tprefix\tcreated\tlast used\tstatus", ...tokens.map(tokenLine)].join("\n") + "\n",
      );
      tell(`${tokens.length} ${tokens.length === 1 ? "token" : "tokens"}.`);
    },
  }),
  command({
    name: "user:reset-factors",
    usage: "user:reset-factors --email E",
    summary:
      "Remove a user's second factors (authenticator app, passkeys, recovery codes) and sign them out everywhere; they set one up again at their next sign-in.",
    options: { email: { type: "string" } },
    schema: EmailArgs,
    run: async ({ args }) => {
      const { resetSecondFactors } = await import("@/lib/auth/second-factor/reset-factors");
      const reset = await resetSecondFactors({
        email: args.email,
        actor: "system",
        clientAddress: "command line",
        userAgent: "",
      });
      tell(
        `Reset ${args.email}: authenticator app ${reset.totp ? "removed" : "none"}, ${reset.passkeys} passkey(s), ${reset.recoveryCodes} recovery code(s) removed; ${reset.sessions} session(s) ended.`,
      );
    },
  }),
  command({
    name: "user:signout",
    usage: "user:signout --email E",
    summary: "Sign a user out of every browser at their next request (API tokens are not affected).",
    options: { email: { type: "string" } },
    schema: EmailArgs,
    run: async ({ args }) => {
      const { endUserSessions } = await sessions();
      const ended = await endUserSessions({ email: args.email, actor: "system" });
      tell(`Signed ${args.email} out of ${ended} ${ended === 1 ? "session" : "sessions"}.`);
    },
  }),
  ...removalCommands,
];
