import "server-only";

import { createHash, randomInt } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { assertCan } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { countFactors, hasSecondFactor } from "./factor-status";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const recoveryCodeCount = 10;
// No 0/o, 1/l/i: a code copied from paper is read back without doubt. 31 letters × 10 = about 50 bits.
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
const codeLength = 10;

/** Shown as "abcde-fghjk"; typed with or without the dash, spaces or capitals. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

function newCode(): string {
  let code = "";
  for (let index = 0; index < codeLength; index += 1) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Ten new one-time codes, replacing every unused one (used ones stay, so a replayed code is still recognised
 * as used). Returns the codes in clear: the only time they exist outside the person's hands.
 */
export async function replaceRecoveryCodes(options: { userId: string; tx: Tx }): Promise<string[]> {
  await options.tx.recoveryCode.deleteMany({ where: { userId: options.userId, usedAt: null } });
  const codes = Array.from({ length: recoveryCodeCount }, newCode);
  await options.tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId: options.userId, codeHash: hashRecoveryCode(code) })),
    // A repeat of an old used code (one chance in 2^50) is simply not stored again.
    skipDuplicates: true,
  });
  return codes;
}

export async function countUnusedRecoveryCodes(options: { userId: string }): Promise<number> {
  return getDb().recoveryCode.count({ where: { userId: options.userId, usedAt: null } });
}

export type RecoveryCodeUse = "used" | "already_used" | "unknown";

/** Spends one code, once: of two requests with the same code only one gets "used". */
export async function spendRecoveryCode(options: { userId: string; code: string }): Promise<RecoveryCodeUse> {
  const codeHash = hashRecoveryCode(options.code);
  const { count } = await getDb().recoveryCode.updateMany({
    where: { userId: options.userId, codeHash, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count === 1) return "used";
  const known = await getDb().recoveryCode.count({ where: { userId: options.userId, codeHash } });
  return known > 0 ? "already_used" : "unknown";
}

/**
 * "Create new recovery codes" on the Account page: ten fresh codes replace the unused ones. Only with a second
 * factor set up — recovery codes stand in for one.
 */
export async function createNewRecoveryCodes(options: {
  actor: Actor;
  clientAddress: string;
  userAgent: string;
}): Promise<string[]> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const userId = options.actor.userId;
  return getDb().$transaction(async (tx) => {
    const counts = await countFactors({ userId, tx });
    if (!hasSecondFactor(counts))
      throw new AppError({
        code: "conflict",
        message: "recovery codes without a second factor",
        userMessage: "Set up an authenticator app or a passkey first; recovery codes stand in for one.",
      });
    const codes = await replaceRecoveryCodes({ userId, tx });
    await recordAuthEvent({
      kind: "recovery_codes_created",
      userId,
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      detail: { count: codes.length },
      tx,
    });
    return codes;
  });
}
