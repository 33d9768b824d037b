import "server-only";

import { recordAuthEvent } from "@/lib/auth/auth-events";

import { passwordSignInPolicy } from "./sso-settings";

/**
 * PASSWORD_SIGN_IN=break_glass: after a right password, whether this person must use single sign-on instead
 * (everyone but the admins in BREAK_GLASS_EMAILS). A refusal is recorded as a failed sign-in.
 */
export async function refusePasswordSignIn(options: {
  userId: string;
  email: string;
  clientAddress: string;
  userAgent: string;
}): Promise<boolean> {
  const policy = passwordSignInPolicy();
  const email = options.email.trim().toLowerCase();
  if (policy.mode === "on" || policy.emails.includes(email)) return false;
  await recordAuthEvent({
    kind: "sign_in_failed",
    userId: options.userId,
    email,
    method: "password",
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
    detail: { reason: "password_sign_in_off" },
  });
  return true;
}
