import { z } from "zod";

import { Role } from "@/lib/db/generated/enums";

/**
 * What an audit_events row may hold besides its columns: counts, roles and the like. The schema is strict, so
 * a key nobody listed here (a password, a token, a free-text reason that a legal removal could not reach) is
 * refused at the write, not shown later.
 */
export const AuditDetail = z
  .object({
    role: z.enum(Role),
    fromRole: z.enum(Role),
    toRole: z.enum(Role),
    sessionsEnded: z.number().int().nonnegative(),
    tokensRevoked: z.number().int().nonnegative(),
    /** How the token was presented when first used that day; "api" only for now. */
    via: z.enum(["api"]),
  })
  .partial()
  .strict();
export type AuditDetail = z.infer<typeof AuditDetail>;

/**
 * The keys of auth_events.detail that the log shows. Others (a sign-in's session id, which names the session a
 * cookie opens) stay out.
 */
export const shownAuthDetailKeys = [
  "methods",
  "reason",
  "triesLeft",
  "left",
  "count",
  "totp",
  "passkeys",
  "recoveryCodes",
  "sessions",
  "secondFactorRoles",
] as const;
