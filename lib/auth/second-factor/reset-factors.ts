import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { assertCan } from "@/lib/auth/permissions";
import { endSessionsOfUser } from "@/lib/auth/sessions";
import { UserIdInput } from "@/lib/auth/user-input";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";

export type FactorsReset = {
  name: string;
  totp: number;
  passkeys: number;
  recoveryCodes: number;
  sessions: number;
};

/**
 * An admin resets a person's second factors (a lost phone, a departed laptop): their authenticator app, passkeys
 * and recovery codes go, every session of theirs ends, and any sign-in in progress is stopped — all or nothing.
 * They sign in next with the password alone and set up a factor again (required ones: before anything else).
 */
export async function resetSecondFactors(options: {
  actor: Actor;
  userId: string;
  clientAddress: string;
  userAgent: string;
}): Promise<FactorsReset> {
  assertCan({ actor: options.actor, permission: "users:manage" });
  const userId = parseInput({ schema: UserIdInput, input: options.userId });
  if (userId === options.actor.userId)
    throw new AppError({
      code: "conflict",
      message: "admin tried to reset own factors",
      userMessage: "Manage your own second factors on your Account page.",
    });
  const result = await getDb().$transaction(async (tx) => {
    const users = await tx.$queryRaw<
      { name: string }[]
    >`SELECT name FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    const user = users[0];
    if (!user)
      throw new AppError({
        code: "not_found",
        message: `no user ${userId}`,
        userMessage: "That user does not exist.",
      });
    const totp = await tx.totpFactor.deleteMany({ where: { userId } });
    const passkeys = await tx.passkey.deleteMany({ where: { userId } });
    const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.signInChallenge.updateMany({
      where: { userId, consumedAt: null },
      data: { consumedAt: new Date() },
    });
    const sessions = await endSessionsOfUser({ userId, reason: "ended_by_admin", tx });
    const counts = {
      totp: totp.count,
      passkeys: passkeys.count,
      recoveryCodes: recoveryCodes.count,
      sessions,
    };
    await recordAuthEvent({
      kind: "factors_reset",
      userId,
      actorId: options.actor.userId,
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      detail: counts,
      tx,
    });
    return { name: user.name, ...counts };
  });
  logger.info("second factors reset", { userId, by: options.actor.userId, ...result, name: undefined });
  return result;
}
