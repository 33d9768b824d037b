import {
  passkeyPromptClosedMessage,
  passkeyRefusalMessages,
  type PasskeyRefusal,
} from "@/lib/auth/passkeys/passkey-messages";

import type { SignInResult } from "./sign-in";
import { ssoErrorMessage, type SsoPageFacts } from "./sso/sso-error-messages";

/**
 * Sign-in failures travel from next-auth to the sign-in page as a short code in the URL (next-auth
 * puts the thrown message there); the page maps codes to sentences, so no text from the URL is ever shown.
 */
export function signInErrorCode(result: Exclude<SignInResult, { ok: true }>): string {
  if (result.reason === "locked") return `locked-${result.retryAfterMinutes}`;
  if (result.reason === "slowed") return `wait-${result.retryAfterSeconds}`;
  return result.reason;
}

/**
 * The second sign-in step (lib/auth/second-factor/second-step.ts). "second_factor" is not a failure: it tells the
 * form to ask for the second factor.
 */
const secondStepMessages: Record<string, string> = {
  second_factor: "Enter the code from your authenticator app.",
  second_factor_expired:
    "That sign-in took too long, so it was stopped. Enter your email and password again.",
  second_factor_too_many: "Too many wrong codes. Enter your email and password again to get a fresh try.",
  code_malformed: "Enter the 6-digit code from your app.",
  code_wrong: "That code is wrong or has expired. Enter the code your app shows now.",
  code_reused: "That code has already been used. Wait for the next one.",
  recovery_code_malformed: "Enter a recovery code as it was shown, like abcde-fghjk.",
  recovery_code_wrong: "That recovery code does not match. Check it, or use your authenticator app.",
  recovery_code_spent: "That recovery code has already been used. Each code works once; use another one.",
  passkey_failed: "That passkey could not be checked. Try it again, or use your authenticator app.",
};

/** The codes that end the second step and send the person back to the password. */
export const secondStepRestartCodes: ReadonlySet<string> = new Set([
  "second_factor_expired",
  "second_factor_too_many",
  "deactivated",
]);

export function signInErrorMessage(options: {
  code: string | null | undefined;
  /** Single sign-on's name and domains, for its sentences; absent when it is not set up. */
  sso?: SsoPageFacts;
}): string | null {
  const code = options.code;
  if (!code) return null;
  const sso = ssoErrorMessage({ code, sso: options.sso });
  if (sso) return sso;
  if (code === "deactivated")
    return "This account has been deactivated. Ask a newsroom admin if you need access again.";
  const locked = /^locked-(\d{1,4})$/.exec(code);
  if (locked) {
    const minutes = Number(locked[1]);
    return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  const wait = /^wait-(\d{1,5})$/.exec(code);
  if (wait) {
    const seconds = Number(wait[1]);
    if (seconds >= 120) return `Too many attempts. Wait ${Math.ceil(seconds / 60)} minutes and try again.`;
    return `Too many attempts. Wait ${seconds} ${seconds === 1 ? "second" : "seconds"} and try again.`;
  }
  // Own keys only: "constructor" in the URL must not find Object's.
  if (Object.hasOwn(secondStepMessages, code)) return secondStepMessages[code] ?? null;
  const passkey = /^passkey-(expired|wrong_site|unknown_passkey|not_verified)$/.exec(code)?.[1];
  if (passkey) return passkeyRefusalMessages[passkey as PasskeyRefusal];
  if (code === "passkey-cancelled") return passkeyPromptClosedMessage;
  if (code === "busy") return "Sign-in is very busy right now. Please try again in a moment.";
  // "Configuration" is next-auth's own code, e.g. for a missing NEXTAUTH_SECRET; details go to the server
  // log.
  if (code === "unavailable" || code === "Configuration")
    return "Sign-in is unavailable right now. Please try again in a moment.";
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "That email and password do not match an account. Check them and try again.";
}
