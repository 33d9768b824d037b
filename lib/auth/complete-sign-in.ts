import "server-only";

import type { AuthCookieJar } from "./auth-cookies";
import { recordAuthEvent, type SignInMethod } from "./auth-events";
import { startSession } from "./sessions";

/**
 * The last step of every way in (password alone, password and a second factor, passkey, single sign-on): opens
 * the server-side session and records the sign-in in the audit. Remembering the browser as a known device
 * (OWASP's device cookie) belongs here too, so no way in forgets it.
 */
export async function completeSignIn(options: {
  userId: string;
  method: SignInMethod;
  /** Every method used, in order, e.g. ["password", "totp"]. */
  methods?: SignInMethod[];
  clientAddress: string;
  userAgent: string;
  jar?: AuthCookieJar;
}): Promise<{ sessionId: string }> {
  const sessionId = await startSession({ userId: options.userId, userAgent: options.userAgent });
  await recordAuthEvent({
    kind: "sign_in",
    userId: options.userId,
    method: options.method,
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
    detail: { sessionId, methods: options.methods ?? [options.method] },
  });
  return { sessionId };
}
