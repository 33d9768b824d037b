import "server-only";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { completeSignIn } from "@/lib/auth/complete-sign-in";

import { admitSsoSignIn } from "./admit-sso-sign-in";
import { ssoErrorCode } from "./sso-refusals";
import type { SsoSettings } from "./sso-settings";

/**
 * The end of a single sign-on whose ID token openid-client has verified: admit the person (admit-sso-sign-in.ts)
 * and open their session like every other way in (completeSignIn, method "sso"). A refusal comes back as the
 * sign-in error code the sign-in page turns into a sentence.
 */
export async function signInWithSso(options: {
  claims: Record<string, unknown>;
  clientAddress: string;
  userAgent: string;
  jar?: AuthCookieJar;
  settings?: SsoSettings;
}): Promise<{ ok: true; userId: string; sessionId: string } | { ok: false; code: string }> {
  const admission = await admitSsoSignIn(options);
  if (!admission.ok) return { ok: false, code: ssoErrorCode(admission.reason) };
  const { sessionId } = await completeSignIn({
    userId: admission.userId,
    method: "sso",
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
    jar: options.jar,
  });
  return { ok: true, userId: admission.userId, sessionId };
}
