import "server-only";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";

import { countFactors, hasSecondFactor } from "./factor-status";
import { createSignInChallenge } from "./sign-in-challenges";

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
