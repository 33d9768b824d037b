import "server-only";

import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { isHashingBusy } from "./hashing-gate";
import { verifyDummyPassword, verifyPassword } from "./passwords";
import {
  getSignInLimiters,
  isRateLimiterRes,
  signInLimitKeys,
  signInLimitPolicy,
  waitSecondsAfter,
} from "./sign-in-limits";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "deactivated" | "busy" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number }
  | { ok: false; reason: "slowed"; retryAfterSeconds: number };

const maxPasswordLength = 256;

function lockedResult(msBeforeNext: number): SignInResult {
  return { ok: false, reason: "locked", retryAfterMinutes: Math.max(1, Math.ceil(msBeforeNext / 60_000)) };
}

function slowedResult(msBeforeNext: number): SignInResult {
  return { ok: false, reason: "slowed", retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
}

function storeFailure(outcomes: PromiseSettledResult<unknown>[]): unknown {
  const failed = outcomes.find(
    (outcome) => outcome.status === "rejected" && !isRateLimiterRes(outcome.reason),
  );
  return failed?.status === "rejected" ? failed.reason : undefined;
}

/**
 * Email-and-password sign-in, slowed down per account and address (see signInLimitPolicy). Every attempt is
 * counted before the password is checked, and past the free failures only one attempt per wait window gets
 * to the check, so parallel guesses cannot slip through. A correct password clears the account's count at
 * that address. Unknown emails cost the same time and count the same, so neither reveals which accounts
 * exist.
 */
export async function signInWithPassword(options: {
  email: string;
  password: string;
  clientAddress: string;
}): Promise<SignInResult> {
  const email = options.email.trim().toLowerCase();
  const limiters = getSignInLimiters();
  const keys = signInLimitKeys({ email, clientAddress: options.clientAddress });
  const free = signInLimitPolicy.accountAddress.freeFailures;

  const counted = await Promise.allSettled([
    limiters.accountAddress.consume(keys.accountAddress),
    limiters.address.consume(keys.address),
  ]);
  const broken = storeFailure(counted);
  if (broken) throw broken;
  const [pair, address] = counted;
  // Attempts refused before the password check are not guesses: they give their points back.
  const giveBack = () =>
    Promise.all([
      limiters.accountAddress.reward(keys.accountAddress, 1),
      limiters.address.reward(keys.address, 1),
    ]);
  if (address?.status === "rejected") {
    await limiters.accountAddress.reward(keys.accountAddress, 1);
    logger.warn("sign-in refused: too many failures from this address", {
      clientAddress: options.clientAddress,
    });
    return lockedResult((address.reason as { msBeforeNext: number }).msBeforeNext);
  }
  const attempt = pair?.status === "fulfilled" ? pair.value.consumedPoints : 1;
  if (attempt > free) {
    try {
      await limiters.pace.consume(keys.accountAddress, 1, {
        customDuration: waitSecondsAfter(attempt - free),
      });
    } catch (error) {
      if (!isRateLimiterRes(error)) throw error;
      await giveBack();
      logger.info("sign-in slowed down", { clientAddress: options.clientAddress });
      return slowedResult(error.msBeforeNext);
    }
  }

  let user;
  let passwordOk;
  try {
    user =
      email.length <= 254
        ? await getDb().user.findUnique({
            where: { email },
            select: { id: true, passwordHash: true, active: true },
          })
        : null;
    passwordOk =
      options.password.length > maxPasswordLength
        ? false
        : user
          ? await verifyPassword({ hash: user.passwordHash, password: options.password })
          : await verifyDummyPassword({ password: options.password });
  } catch (error) {
    if (!isHashingBusy(error)) throw error;
    await giveBack();
    logger.warn("sign-in refused: password hashing is at capacity", { clientAddress: options.clientAddress });
    return { ok: false, reason: "busy" };
  }

  if (!user || !passwordOk) {
    logger.info("sign-in failed", { clientAddress: options.clientAddress });
    if (attempt >= free) await limiters.pace.block(keys.accountAddress, waitSecondsAfter(attempt - free + 1));
    return { ok: false, reason: "invalid" };
  }

  // The right password is not a guess: clear this account's count here and give the address its point back.
  await Promise.all([
    limiters.accountAddress.delete(keys.accountAddress),
    limiters.pace.delete(keys.accountAddress),
    limiters.address.reward(keys.address, 1),
  ]);
  if (!user.active) {
    logger.info("sign-in refused: deactivated", { userId: user.id });
    return { ok: false, reason: "deactivated" };
  }
  logger.info("sign-in succeeded", { userId: user.id });
  return { ok: true, userId: user.id };
}
