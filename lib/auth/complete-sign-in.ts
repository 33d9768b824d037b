import "server-only";

import { rememberDevice } from "@/lib/auth/devices/remembered-devices";

import type { AuthCookieJar } from "./auth-cookies";
import { recordAuthEvent, type SignInMethod } from "./auth-events";
import { startSession } from "./sessions";

/**
 * The last step of every way in (password alone, password and a second factor, passkey, single sign-on): opens
 * the server-side session, records the sign-in in the audit, and remembers the browser as a device of the
 * account (OWASP's device cookie, lib/auth/devices): that browser is then never locked out by failures of
 * others at its address.
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
  if (options.jar) await rememberDevice({ jar: options.jar, userId: options.userId });
  return { sessionId };
}
