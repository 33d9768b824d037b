import "server-only";

import {
  claimDeviceAttempt,
  clearDeviceFailures,
  deviceAttemptFailed,
  findRememberedDevice,
  giveBackDeviceAttempt,
} from "@/lib/auth/devices/remembered-devices";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { recordAuthEvent } from "./auth-events";
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

type Audit = { email: string; clientAddress: string; userAgent: string };

type Attempt = { result: SignInResult; userId: string | null };

/**
 * Email-and-password sign-in. A browser that has signed in to this account before (a remembered device,
 * lib/auth/devices) is limited per device only; any other attempt is slowed down per account and address
 * (see signInLimitPolicy). Either way the attempt is counted before the password is checked, so parallel
 * guesses cannot slip through. Unknown emails cost the same time and count the same, so neither reveals
 * which accounts exist. Every failure is recorded in the audit (sign_in_failed, with its reason).
 */
export async function signInWithPassword(options: {
  email: string;
  password: string;
  clientAddress: string;
  /** The browser's remembered-device cookie, as sent. A bad one counts as none, silently. */
  deviceCookie?: string;
  userAgent?: string;
}): Promise<SignInResult> {
  const email = options.email.trim().toLowerCase();
  const audit: Audit = { email, clientAddress: options.clientAddress, userAgent: options.userAgent ?? "" };
  const attempt =
    (options.deviceCookie
      ? await signInFromRememberedDevice({
          ...audit,
          password: options.password,
          cookie: options.deviceCookie,
        })
      : null) ?? (await signInUnderAddressLimits({ ...audit, password: options.password }));
  if (!attempt.result.ok) {
    await recordAuthEvent({
      kind: "sign_in_failed",
      userId: attempt.userId,
      email,
      method: "password",
      clientAddress: options.clientAddress,
      userAgent: audit.userAgent,
      detail: { reason: attempt.result.reason, rememberedDevice: "device" in attempt },
    });
  }
  return attempt.result;
}

async function findAccount(email: string) {
  return email.length <= 254
    ? await getDb().user.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, active: true },
      })
    : null;
}

/**
 * The remembered-device way: exempt from the per-address limits, counted per device. Null when the cookie
 * vouches for no device of this account (or the device is locked): the caller then goes the address way.
 */
async function signInFromRememberedDevice(
  options: Audit & { password: string; cookie: string },
): Promise<(Attempt & { device: string }) | null> {
  const user = await findAccount(options.email);
  if (!user) return null;
  const device = await findRememberedDevice({ ...options, userId: user.id });
  if (!device || !(await claimDeviceAttempt(device))) return null;
  let passwordOk;
  try {
    passwordOk =
      options.password.length <= maxPasswordLength &&
      (await verifyPassword({ hash: user.passwordHash, password: options.password }));
  } catch (error) {
    if (!isHashingBusy(error)) throw error;
    await giveBackDeviceAttempt(device);
    logger.warn("sign-in refused: password hashing is at capacity", { clientAddress: options.clientAddress });
    return { result: { ok: false, reason: "busy" }, userId: user.id, device: device.deviceId };
  }
  if (!passwordOk) {
    logger.info("sign-in failed from a remembered device", { clientAddress: options.clientAddress });
    await deviceAttemptFailed({ ...options, deviceId: device.deviceId, userId: user.id });
    return { result: { ok: false, reason: "invalid" }, userId: user.id, device: device.deviceId };
  }
  const limiters = getSignInLimiters();
  const keys = signInLimitKeys({ email: options.email, clientAddress: options.clientAddress });
  await Promise.all([
    clearDeviceFailures(device),
    limiters.accountAddress.delete(keys.accountAddress),
    limiters.pace.delete(keys.accountAddress),
  ]);
  return { result: succeeded(user), userId: user.id, device: device.deviceId };
}

function succeeded(user: { id: string; active: boolean }): SignInResult {
  if (!user.active) {
    logger.info("sign-in refused: deactivated", { userId: user.id });
    return { ok: false, reason: "deactivated" };
  }
  logger.info("sign-in succeeded", { userId: user.id });
  return { ok: true, userId: user.id };
}

/**
 * An unknown browser: slowed down per account and address, and locked out per address. A correct password
 * clears the account's count at that address.
 */
async function signInUnderAddressLimits(options: Audit & { password: string }): Promise<Attempt> {
  const { email, clientAddress } = options;
  const limiters = getSignInLimiters();
  const keys = signInLimitKeys({ email, clientAddress });
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
    logger.warn("sign-in refused: too many failures from this address", { clientAddress });
    return {
      result: lockedResult((address.reason as { msBeforeNext: number }).msBeforeNext),
      userId: null,
    };
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
      logger.info("sign-in slowed down", { clientAddress });
      return { result: slowedResult(error.msBeforeNext), userId: null };
    }
  }

  let user;
  let passwordOk;
  try {
    user = await findAccount(email);
    passwordOk =
      options.password.length > maxPasswordLength
        ? false
        : user
          ? await verifyPassword({ hash: user.passwordHash, password: options.password })
          : await verifyDummyPassword({ password: options.password });
  } catch (error) {
    if (!isHashingBusy(error)) throw error;
    await giveBack();
    logger.warn("sign-in refused: password hashing is at capacity", { clientAddress });
    return { result: { ok: false, reason: "busy" }, userId: user?.id ?? null };
  }

  if (!user || !passwordOk) {
    logger.info("sign-in failed", { clientAddress });
    if (attempt >= free) await limiters.pace.block(keys.accountAddress, waitSecondsAfter(attempt - free + 1));
    return { result: { ok: false, reason: "invalid" }, userId: user?.id ?? null };
  }

  // The right password is not a guess: clear this account's count here and give the address its point back.
  await Promise.all([
    limiters.accountAddress.delete(keys.accountAddress),
    limiters.pace.delete(keys.accountAddress),
    limiters.address.reward(keys.address, 1),
  ]);
  return { result: succeeded(user), userId: user.id };
}
