import "server-only";

import { recordAuthEvent } from "@/lib/auth/auth-events";
import { assertCan } from "@/lib/auth/permissions";
import { endSessionsOfUser } from "@/lib/auth/sessions";
import { UserRefInput } from "@/lib/auth/user-input";
import type { UserAdminActor } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";

export type FactorsReset = {
  userId: string;
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
export async function resetSecondFactors(
  options: ({ userId: string } | { email: string }) & {
    /** "system" is the command line (`user:reset-factors`): the way back in for a newsroom's only admin. */
    actor: UserAdminActor;
    clientAddress: string;
    userAgent: string;
  },
): Promise<FactorsReset> {
  const actor = options.actor === "system" ? null : options.actor;
  if (actor) assertCan({ actor, permission: "users:manage" });
  const ref = parseInput({
    schema: UserRefInput,
    input: "userId" in options ? { userId: options.userId } : { email: options.email },
  });
  const result = await getDb().$transaction(async (tx) => {
    const users =
      "userId" in ref
        ? await tx.$queryRaw<
            { id: string; name: string }[]
          >`SELECT id, name FROM users WHERE id = ${ref.userId}::uuid FOR UPDATE`
        : await tx.$queryRaw<
            { id: string; name: string }[]
          >`SELECT id, name FROM users WHERE email = ${ref.email} FOR UPDATE`;
    const user = users[0];
    if (!user)
      throw new AppError({
        code: "not_found",
        message: `no user ${JSON.stringify(ref)}`,
        userMessage: "That user does not exist.",
      });
    const userId = user.id;
    if (actor && userId === actor.userId)
      throw new AppError({
        code: "conflict",
        message: "admin tried to reset own factors",
        userMessage: "Manage your own second factors on your Account page.",
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
      actorId: actor?.userId ?? null,
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      detail: counts,
      tx,
    });
    return { userId, name: user.name, ...counts };
  });
  logger.info("second factors reset", { ...result, name: undefined, by: actor?.userId ?? "system" });
  return result;
}
