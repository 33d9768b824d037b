import "server-only";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";

import { countFactors, hasSecondFactor } from "./factor-status";
import { countUnusedRecoveryCodes } from "./recovery-codes";
import { challengeIdFromJar, createSignInChallenge, findLiveChallenge } from "./sign-in-challenges";

/**
 * After a right password: when the person has a confirmed second factor, opens the `second_factor` challenge
 * (cookie included) and returns true — the password step then ends without a session.
 */
export async function startSecondStepIfNeeded(options: {
  userId: string;
  clientAddress: string;
  jar?: AuthCookieJar;
}): Promise<boolean> {
  if (!hasSecondFactor(await countFactors({ userId: options.userId }))) return false;
  await createSignInChallenge({
    purpose: "second_factor",
    userId: options.userId,
    clientAddress: options.clientAddress,
    jar: options.jar,
  });
  return true;
}

export type SecondStepFactors = { totp: boolean; passkey: boolean; recoveryCodes: boolean };

/**
 * Which answers the sign-in form offers for the challenge in the browser's cookie; null when there is no live
 * one (expired, used up, or none), and the form then returns to the password.
 */
export async function describeSecondStep(options: {
  jar: Pick<AuthCookieJar, "read">;
}): Promise<SecondStepFactors | null> {
  const challenge = await findLiveChallenge({
    id: challengeIdFromJar(options.jar),
    purpose: "second_factor",
  });
  if (!challenge?.userId) return null;
  const [counts, recoveryCodes] = await Promise.all([
    countFactors({ userId: challenge.userId }),
    countUnusedRecoveryCodes({ userId: challenge.userId }),
  ]);
  return { totp: counts.totp > 0, passkey: counts.passkeys > 0, recoveryCodes: recoveryCodes > 0 };
}
