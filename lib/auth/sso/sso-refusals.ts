import "server-only";

import { recordAuthEvent } from "@/lib/auth/auth-events";

/**
 * Why a single sign-on was refused. Each reason is recorded in the audit (`sso_refused`, detail.reason) and
 * becomes a sign-in error code `sso-<reason>` whose sentence is in lib/auth/sign-in-errors.ts.
 */
export type SsoRefusalReason =
  | "email_missing"
  | "email_unverified"
  | "domain_not_allowed"
  | "deactivated"
  | "not_invited"
  | "no_role"
  | "identity_conflict"
  | "token_invalid";

export function ssoErrorCode(reason: SsoRefusalReason): string {
  return `sso-${reason.replaceAll("_", "-")}`;
}

export async function recordSsoRefusal(options: {
  reason: SsoRefusalReason;
  issuer: string;
  subject?: string;
  email?: string;
  userId?: string;
  clientAddress: string;
  userAgent: string;
  /** What exactly failed, for the admin reading the audit (never shown to the person signing in). */
  why?: string;
}): Promise<void> {
  await recordAuthEvent({
    kind: "sso_refused",
    userId: options.userId,
    email: options.email,
    method: "sso",
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
    detail: {
      reason: options.reason,
      issuer: options.issuer,
      ...(options.subject ? { subject: options.subject } : {}),
      ...(options.why ? { why: options.why.slice(0, 500) } : {}),
    },
  });
}
