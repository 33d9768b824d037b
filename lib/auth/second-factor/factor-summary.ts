import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type FactorSummary = { totp: boolean; passkeys: number };

/** Each person's confirmed second factors, for the People page (who still has none). */
export async function listFactorSummaries(options: { actor: Actor }): Promise<Map<string, FactorSummary>> {
  assertCan({ actor: options.actor, permission: "users:manage" });
  const [apps, passkeys] = await Promise.all([
    getDb().totpFactor.findMany({ where: { confirmedAt: { not: null } }, select: { userId: true } }),
    getDb().passkey.groupBy({ by: ["userId"], _count: { _all: true } }),
  ]);
  const summaries = new Map<string, FactorSummary>();
  for (const app of apps) summaries.set(app.userId, { totp: true, passkeys: 0 });
  for (const group of passkeys)
    summaries.set(group.userId, {
      totp: summaries.get(group.userId)?.totp ?? false,
      passkeys: group._count._all,
    });
  return summaries;
}
