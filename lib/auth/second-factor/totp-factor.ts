import "server-only";

import { getDb, type Db } from "@/lib/db/client";

import { TotpCodeInput } from "./second-factor-input";
import { openSecret } from "./secret-box";
import { checkTotpCode } from "./totp-codes";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type TotpVerdict = "accepted" | "malformed" | "wrong" | "reused" | "not_set_up";

/**
 * Checks a code from the person's confirmed authenticator app and, when right, spends its time step: a code is
 * accepted once, and so is any code of an earlier step. The spending is one conditional UPDATE, so of two
 * requests racing with the same code exactly one is accepted.
 */
export async function verifyTotpCode(options: {
  userId: string;
  code: string;
  /** The enrollment's first code checks the unconfirmed secret; sign-in checks only a confirmed one. */
  confirming?: boolean;
  nowSeconds?: number;
  tx?: Tx;
}): Promise<TotpVerdict> {
  const db = options.tx ?? getDb();
  const parsed = TotpCodeInput.safeParse(options.code);
  if (!parsed.success) return "malformed";
  const confirmed = options.confirming ? null : { not: null };
  const factor = await db.totpFactor.findFirst({
    where: { userId: options.userId, confirmedAt: confirmed },
    select: { secretEncrypted: true, lastUsedStep: true },
  });
  if (!factor) return "not_set_up";
  const check = await checkTotpCode({
    secret: openSecret(factor.secretEncrypted),
    code: parsed.data,
    nowSeconds: options.nowSeconds,
  });
  if (!check.valid) return "wrong";
  const step = BigInt(check.timeStep);
  if (factor.lastUsedStep !== null && step <= factor.lastUsedStep) return "reused";
  const { count } = await db.totpFactor.updateMany({
    where: {
      userId: options.userId,
      confirmedAt: confirmed,
      OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
    },
    data: options.confirming ? { lastUsedStep: step, confirmedAt: new Date() } : { lastUsedStep: step },
  });
  return count === 1 ? "accepted" : "reused";
}

export type TotpStatus =
  { state: "none" } | { state: "pending" } | { state: "confirmed"; confirmedAt: string };

export async function readTotpStatus(options: { userId: string }): Promise<TotpStatus> {
  const factor = await getDb().totpFactor.findUnique({
    where: { userId: options.userId },
    select: { confirmedAt: true },
  });
  if (!factor) return { state: "none" };
  return factor.confirmedAt
    ? { state: "confirmed", confirmedAt: factor.confirmedAt.toISOString() }
    : { state: "pending" };
}
