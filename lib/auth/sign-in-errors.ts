import { passkeyRefusalMessages, type PasskeyRefusal } from "@/lib/auth/passkeys/passkey-messages";

import type { SignInResult } from "./sign-in";

/**
 * Sign-in failures travel from next-auth to the sign-in page as a short code in the URL (next-auth
 * puts the thrown message there); the page maps codes to sentences, so no text from the URL is ever shown.
 */
export function signInErrorCode(result: Exclude<SignInResult, { ok: true }>): string {
  if (result.reason === "locked") return `locked-${result.retryAfterMinutes}`;
  if (result.reason === "slowed") return `wait-${result.retryAfterSeconds}`;
  return result.reason;
}

export function signInErrorMessage(options: { code: string | null | undefined }): string | null {
  const code = options.code;
  if (!code) return null;
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
  const passkey = /^passkey-(expired|wrong_site|unknown_passkey|not_verified)$/.exec(code)?.[1];
  if (passkey) return passkeyRefusalMessages[passkey as PasskeyRefusal];
  if (code === "busy") return "Sign-in is very busy right now. Please try again in a moment.";
  // "Configuration" is next-auth's own code, e.g. for a missing NEXTAUTH_SECRET; details go to the server
  // log.
  if (code === "unavailable" || code === "Configuration")
    return "Sign-in is unavailable right now. Please try again in a moment.";
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "That email and password do not match an account. Check them and try again.";
}
