import "server-only";

import { getDb, type Db } from "@/lib/db/client";
import type { AuthEventKind } from "@/lib/db/generated/enums";
import type { InputJsonObject } from "@/lib/db/generated/internal/prismaNamespace";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How a person proved who they are, as recorded in the audit. */
export type SignInMethod = "password" | "totp" | "passkey" | "recovery_code" | "sso";

/**
 * Records one sign-in security event in the append-only audit (auth_events): sign-ins and failed ones, factors
 * added or removed, recovery codes used, SSO provisioning. A failure to record is not swallowed: the act that
 * wanted recording fails with it (pass `tx` to record inside the act's own transaction).
 */
export async function recordAuthEvent(options: {
  kind: AuthEventKind;
  userId?: string | null;
  /** Who did it, when not the person themselves (an admin resetting factors). */
  actorId?: string | null;
  /** The email typed at sign-in (kept also when no such account exists). */
  email?: string | null;
  method?: SignInMethod | null;
  clientAddress: string;
  userAgent?: string;
  detail?: InputJsonObject;
  tx?: Tx;
}): Promise<void> {
  const db = options.tx ?? getDb();
  await db.authEvent.create({
    data: {
      kind: options.kind,
      userId: options.userId ?? null,
      actorId: options.actorId ?? null,
      email: options.email?.slice(0, 254) ?? null,
      method: options.method ?? null,
      clientAddress: options.clientAddress.slice(0, 64),
      userAgent: (options.userAgent ?? "").slice(0, 300),
      detail: options.detail ?? {},
    },
  });
}
