import "server-only";

import { getDb, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type FactorCounts = { totp: number; passkeys: number };

/** The person's confirmed second factors: an authenticator app (0 or 1) and their passkeys. */
export async function countFactors(options: { userId: string; tx?: Tx }): Promise<FactorCounts> {
  const db = options.tx ?? getDb();
  const [totp, passkeys] = await Promise.all([
    db.totpFactor.count({ where: { userId: options.userId, confirmedAt: { not: null } } }),
    db.passkey.count({ where: { userId: options.userId } }),
  ]);
  return { totp, passkeys };
}

export function hasSecondFactor(counts: FactorCounts): boolean {
  return counts.totp + counts.passkeys > 0;
}

/** Whether the newsroom's policy (People page) requires a second factor of this role. */
export async function isSecondFactorRequired(options: { role: Role; tx?: Tx }): Promise<boolean> {
  const db = options.tx ?? getDb();
  const policy = await db.securityPolicy.findUnique({
    where: { id: 1 },
    select: { secondFactorRoles: true },
  });
  return policy?.secondFactorRoles.includes(options.role) ?? false;
}

/**
 * Refuses to remove a person's last second factor while their role requires one. Call it inside the removing
 * transaction, after locking the user row, so two removals in two tabs cannot both pass.
 */
export async function assertFactorRemovable(options: {
  userId: string;
  role: Role;
  removing: { kind: "totp" } | { kind: "passkey" };
  tx: Tx;
}): Promise<void> {
  const counts = await countFactors({ userId: options.userId, tx: options.tx });
  const left =
    options.removing.kind === "totp"
      ? { ...counts, totp: 0 }
      : { ...counts, passkeys: Math.max(0, counts.passkeys - 1) };
  if (!hasSecondFactor(left) && (await isSecondFactorRequired({ role: options.role, tx: options.tx })))
    throw new AppError({
      code: "conflict",
      message: `refused to remove the last second factor of ${options.userId}`,
      userMessage:
        "Your newsroom requires a second factor for your role, and this is your last one. Add another passkey or authenticator app first.",
    });
}
