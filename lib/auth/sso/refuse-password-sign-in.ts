import "server-only";

import { recordAuthEvent } from "@/lib/auth/auth-events";
import { getDb } from "@/lib/db/client";

import { passwordSignInPolicy } from "./sso-settings";

/**
 * PASSWORD_SIGN_IN=break_glass: after a right password (or a passkey, which the newsroom's identity provider
 * cannot revoke either), whether this person must use single sign-on instead (everyone but the admins in
 * BREAK_GLASS_EMAILS). A refusal is recorded as a failed sign-in.
 */
export async function refusePasswordSignIn(options: {
  userId: string;
  /** The email typed at sign-in; read from the account when the way in named none (a passkey). */
  email?: string;
  method?: "password" | "passkey";
  clientAddress: string;
  userAgent: string;
  /** The settings' policy unless given (tests). */
  policy?: ReturnType<typeof passwordSignInPolicy>;
}): Promise<boolean> {
  const policy = options.policy ?? passwordSignInPolicy();
  if (policy.mode === "on") return false;
  const email = (
    options.email ??
    (await getDb().user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } })).email
  )
    .trim()
    .toLowerCase();
  if (policy.emails.includes(email)) return false;
  await recordAuthEvent({
    kind: "sign_in_failed",
    userId: options.userId,
    email,
    method: options.method ?? "password",
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
    detail: { reason: "password_sign_in_off" },
  });
  return true;
}
