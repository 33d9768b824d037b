import "server-only";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { recordAuthEvent, type SignInMethod } from "@/lib/auth/auth-events";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { verifyPasskeySecondStep } from "./passkey-second-step";
import { countUnusedRecoveryCodes, spendRecoveryCode } from "./recovery-codes";
import { RecoveryCodeInput, type SecondStepMethod } from "./second-factor-input";
import {
  challengeCookieName,
  challengeIdFromJar,
  consumeChallenge,
  findLiveChallenge,
  recordWrongTry,
} from "./sign-in-challenges";
import { verifyTotpCode } from "./totp-factor";

/** Codes travel to the sign-in form as sign-in error codes (lib/auth/sign-in-errors.ts). */
export type SecondStepRefusal =
  | "second_factor_expired"
  | "second_factor_too_many"
  | "deactivated"
  | "code_malformed"
  | "code_wrong"
  | "code_reused"
  | "recovery_code_malformed"
  | "recovery_code_wrong"
  | "recovery_code_spent"
  | "passkey_failed";

export type SecondStepResult =
  { ok: true; userId: string; method: SignInMethod } | { ok: false; code: SecondStepRefusal };

/**
 * The second sign-in step: the challenge the password step left in the cookie, answered with an authenticator
 * code, a recovery code or a passkey. Five wrong answers use the challenge up (the person starts again from the
 * password, which has its own limits); a right one uses it up too, so it opens exactly one session.
 */
export async function answerSecondStep(options: {
  jar: AuthCookieJar | undefined;
  method: SecondStepMethod;
  code: string;
  response?: unknown;
  clientAddress: string;
  userAgent: string;
}): Promise<SecondStepResult> {
  const challenge = await findLiveChallenge({
    id: challengeIdFromJar(options.jar),
    purpose: "second_factor",
  });
  if (!challenge?.userId) return refuse(options.jar, "second_factor_expired");
  const userId = challenge.userId;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { active: true } });
  if (!user?.active) return refuse(options.jar, "deactivated");

  const where = { clientAddress: options.clientAddress, userAgent: options.userAgent };
  async function wrong(code: SecondStepRefusal): Promise<SecondStepResult> {
    const left = await recordWrongTry({ id: challenge!.id });
    await recordAuthEvent({
      kind: "second_factor_failed",
      userId,
      method: options.method,
      detail: { reason: code, triesLeft: left },
      ...where,
    });
    return left === 0 ? refuse(options.jar, "second_factor_too_many") : { ok: false, code };
  }

  if (options.method === "totp") {
    const verdict = await verifyTotpCode({ userId, code: options.code });
    if (verdict === "malformed") return { ok: false, code: "code_malformed" };
    if (verdict === "reused") return wrong("code_reused");
    if (verdict !== "accepted") return wrong("code_wrong");
  } else if (options.method === "recovery_code") {
    const parsed = RecoveryCodeInput.safeParse(options.code);
    if (!parsed.success) return { ok: false, code: "recovery_code_malformed" };
    const use = await spendRecoveryCode({ userId, code: parsed.data });
    if (use === "already_used") return wrong("recovery_code_spent");
    if (use === "unknown") return wrong("recovery_code_wrong");
    await recordAuthEvent({
      kind: "recovery_code_used",
      userId,
      method: "recovery_code",
      detail: { left: await countUnusedRecoveryCodes({ userId }) },
      ...where,
    });
  } else {
    const verified = await verifyPasskeySecondStep({
      challengeId: challenge.id,
      userId,
      response: options.response,
    });
    if (!verified) return wrong("passkey_failed");
  }

  if (!(await consumeChallenge({ id: challenge.id }))) return refuse(options.jar, "second_factor_expired");
  options.jar?.clear(challengeCookieName());
  logger.info("second sign-in step passed", { userId, method: options.method });
  return { ok: true, userId, method: options.method };
}

/** A refusal that ends the step: the cookie goes, and the form returns to the password. */
function refuse(jar: AuthCookieJar | undefined, code: SecondStepRefusal): SecondStepResult {
  jar?.clear(challengeCookieName());
  return { ok: false, code };
}
