import "server-only";
import { getDb } from "../db/client";
import { logger } from "../log/logger";
import { verifyDummyPassword, verifyPassword } from "./passwords";
import { getSignInLimiters, isRateLimiterRes, signInLimitKeys } from "./sign-in-limits";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "deactivated" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

const maxPasswordLength = 256;

function lockedResult(msBeforeNext: number): SignInResult {
  return { ok: false, reason: "locked", retryAfterMinutes: Math.max(1, Math.ceil(msBeforeNext / 60_000)) };
}

/**
 * Email-and-password sign-in with failure limits. Every attempt takes a point from each limit before
 * the password is checked, so parallel guesses cannot slip past the count; a correct password gives
 * the points back. Unknown emails cost the same time and the same points as known ones, so neither
 * timing nor lock-outs reveal which accounts exist.
 */
export async function signInWithPassword(options: { email: string; password: string; clientAddress: string }): Promise<SignInResult> {
  const email = options.email.trim().toLowerCase();
  const limiters = getSignInLimiters();
  const keys = signInLimitKeys({ email, clientAddress: options.clientAddress });
  const names = ["accountAddress", "address", "account"] as const;

  const consumed = await Promise.allSettled(names.map((name) => limiters[name].consume(keys[name])));
  const exceeded = consumed.flatMap((outcome) => (outcome.status === "rejected" && isRateLimiterRes(outcome.reason) ? [outcome.reason] : []));
  const storeFailure = consumed.find((outcome) => outcome.status === "rejected" && !isRateLimiterRes(outcome.reason));
  if (storeFailure?.status === "rejected") throw storeFailure.reason;
  if (exceeded.length > 0) {
    logger.warn("sign-in refused: too many failures", { clientAddress: options.clientAddress });
    return lockedResult(Math.max(...exceeded.map((res) => res.msBeforeNext)));
  }

  const user =
    email.length <= 254 ? await getDb().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } }) : null;
  const passwordOk =
    options.password.length > maxPasswordLength
      ? false
      : user
        ? await verifyPassword({ hash: user.passwordHash, password: options.password })
        : await verifyDummyPassword({ password: options.password });

  if (!user || !passwordOk) {
    logger.info("sign-in failed", { clientAddress: options.clientAddress });
    const spent = consumed.flatMap((outcome) => (outcome.status === "fulfilled" && outcome.value.remainingPoints === 0 ? [outcome.value] : []));
    if (spent.length > 0) return lockedResult(Math.max(...spent.map((res) => res.msBeforeNext)));
    return { ok: false, reason: "invalid" };
  }

  // The right password is not a guess: reset this account's counters and give the address its point back.
  await Promise.all([limiters.accountAddress.delete(keys.accountAddress), limiters.account.delete(keys.account), limiters.address.reward(keys.address, 1)]);
  if (!user.active) {
    logger.info("sign-in refused: deactivated", { userId: user.id });
    return { ok: false, reason: "deactivated" };
  }
  logger.info("sign-in succeeded", { userId: user.id });
  return { ok: true, userId: user.id };
}
