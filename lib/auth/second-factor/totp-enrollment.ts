import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { verifyPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";

import { assertFactorRemovable, countFactors } from "./factor-status";
import { replaceRecoveryCodes } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { newTotpSecret, totpAddress } from "./totp-codes";
import { verifyTotpCode } from "./totp-factor";

export type Where = { clientAddress: string; userAgent: string };

const issuer = "Copydesk";

/**
 * Step one of adding an authenticator app: a new secret, sealed at rest, waiting for its first code. Starting
 * again replaces an unconfirmed secret; a confirmed app must be removed first.
 */
export async function startTotpEnrollment(options: {
  actor: Actor;
}): Promise<{ secret: string; address: string }> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const secret = newTotpSecret();
  const secretEncrypted = sealSecret(secret);
  const userId = options.actor.userId;
  const existing = await getDb().totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw alreadySetUp();
  if (existing) {
    const { count } = await getDb().totpFactor.updateMany({
      where: { userId, confirmedAt: null },
      data: { secretEncrypted, lastUsedStep: null, createdAt: new Date() },
    });
    if (count === 0) throw alreadySetUp();
  } else {
    await getDb().totpFactor.create({ data: { userId, secretEncrypted } });
  }
  return { secret, address: totpAddress({ secret, email: options.actor.email, issuer }) };
}

/** The pending secret again (a reload of the Account page during set-up), or null. */
export async function readPendingTotpEnrollment(options: {
  actor: Actor;
}): Promise<{ secret: string; address: string } | null> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const pending = await getDb().totpFactor.findFirst({
    where: { userId: options.actor.userId, confirmedAt: null },
    select: { secretEncrypted: true },
  });
  if (!pending) return null;
  const secret = openSecret(pending.secretEncrypted);
  return { secret, address: totpAddress({ secret, email: options.actor.email, issuer }) };
}

function alreadySetUp(): AppError {
  return new AppError({
    code: "conflict",
    message: "authenticator app already confirmed",
    userMessage: "An authenticator app is already set up. Remove it first to set up another.",
  });
}

/**
 * Step two: the first code from the app proves it holds the secret. A person's first factor also brings their
 * recovery codes, returned here to be shown once.
 */
export async function confirmTotpEnrollment(
  options: { actor: Actor; code: string } & Where,
): Promise<{ recoveryCodes: string[] | null }> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const userId = options.actor.userId;
  return getDb().$transaction(async (tx) => {
    const verdict = await verifyTotpCode({ userId, code: options.code, confirming: true, tx });
    if (verdict === "malformed") throw codeError("Enter the 6-digit code from your app.");
    if (verdict === "not_set_up")
      throw new AppError({
        code: "conflict",
        message: "no pending authenticator app",
        userMessage: "Start again with “Set up an authenticator app”.",
      });
    if (verdict !== "accepted")
      throw codeError("That code does not match. Enter the code your app shows now.");
    const unused = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    const recoveryCodes = unused === 0 ? await replaceRecoveryCodes({ userId, tx }) : null;
    const where = { clientAddress: options.clientAddress, userAgent: options.userAgent, tx };
    await recordAuthEvent({ kind: "factor_added", userId, method: "totp", ...where });
    if (recoveryCodes)
      await recordAuthEvent({ kind: "recovery_codes_created", userId, detail: { count: 10 }, ...where });
    logger.info("authenticator app added", { userId });
    return { recoveryCodes };
  });
}

function codeError(sentence: string): AppError {
  return new AppError({
    code: "validation_failed",
    message: "enrollment code refused",
    userMessage: sentence,
    details: { fields: [{ path: "code", message: sentence }] },
  });
}

/**
 * Removes the authenticator app, proven with the current password (a lost phone is the usual reason, so its code
 * cannot be the proof). Refused when it is the last factor the role requires.
 */
export async function removeTotp(options: { actor: Actor; currentPassword: string } & Where): Promise<void> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const userId = options.actor.userId;
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, role: true },
  });
  if (!(await verifyPassword({ hash: user.passwordHash, password: options.currentPassword }))) {
    const sentence = "This is not your current password.";
    throw new AppError({
      code: "validation_failed",
      message: "wrong current password when removing an authenticator app",
      userMessage: sentence,
      details: { fields: [{ path: "currentPassword", message: sentence }] },
    });
  }
  await getDb().$transaction(async (tx) => {
    // Locks the person, so two removals (an app here, the last passkey in another tab) cannot both pass the guard.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    await assertFactorRemovable({ userId, role: user.role, removing: { kind: "totp" }, tx });
    const { count } = await tx.totpFactor.deleteMany({ where: { userId } });
    if (count === 0)
      throw new AppError({
        code: "not_found",
        message: "no authenticator app to remove",
        userMessage: "There is no authenticator app to remove.",
      });
    const left = await countFactors({ userId, tx });
    // Recovery codes back up a second factor; with none left they would be a way in of their own.
    if (left.totp + left.passkeys === 0)
      await tx.recoveryCode.deleteMany({ where: { userId, usedAt: null } });
    await recordAuthEvent({
      kind: "factor_removed",
      userId,
      method: "totp",
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      tx,
    });
  });
  logger.info("authenticator app removed", { userId });
}
