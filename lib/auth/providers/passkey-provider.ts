import "server-only";

import CredentialsProvider from "next-auth/providers/credentials";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { signInWithPasskey, type PasskeySignInResult } from "@/lib/auth/passkeys/passkey-assertion";
import { challengeCookieName, challengeIdFromJar } from "@/lib/auth/second-factor/sign-in-challenges";
import { refusePasswordSignIn } from "@/lib/auth/sso/refuse-password-sign-in";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

import { providerHeaders, singleHeader } from "./request-headers";

function parseResponse(text: unknown): unknown {
  if (typeof text !== "string" || text.length > 64_000) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * A passkey alone, without a password: its answer to the challenge in this browser's sign-in cookie (made by
 * POST /api/sign-in/passkey-options). Errors are thrown as codes (sign-in-errors.ts) the page turns into
 * sentences.
 */
export function passkeyProvider(options: { jar?: AuthCookieJar }) {
  return CredentialsProvider({
    id: "passkey",
    name: "Passkey",
    credentials: { response: { label: "Passkey answer", type: "text" } },
    async authorize(credentials, request) {
      const headers = providerHeaders(request);
      const clientAddress = clientAddressFrom({ headers, trustProxyHops: getEnv().TRUST_PROXY });
      const userAgent = singleHeader(headers, "user-agent");
      let result: PasskeySignInResult;
      let sessionId;
      let passwordSignInOff = false;
      try {
        result = await signInWithPasskey({
          challengeId: challengeIdFromJar(options.jar) ?? undefined,
          response: parseResponse(credentials?.response),
          clientAddress,
          userAgent,
        });
        // The challenge is used up either way; the next try asks for a new one.
        options.jar?.clear(challengeCookieName());
        // PASSWORD_SIGN_IN=break_glass makes the identity provider the one door (leavers are removed there):
        // a passkey, which it cannot revoke, is for the break-glass admins only, like a password.
        if (result.ok)
          passwordSignInOff = await refusePasswordSignIn({
            userId: result.userId,
            method: "passkey",
            clientAddress,
            userAgent,
          });
        if (result.ok && !passwordSignInOff)
          ({ sessionId } = await completeSignIn({
            userId: result.userId,
            method: "passkey",
            clientAddress,
            userAgent,
            jar: options.jar,
          }));
      } catch (error) {
        logger.error("passkey sign-in failed unexpectedly", { error });
        throw new Error("unavailable");
      }
      if (passwordSignInOff) throw new Error("passkey-sso-only");
      if (!result.ok)
        throw new Error(result.reason === "deactivated" ? "deactivated" : `passkey-${result.reason}`);
      return { id: result.userId, sessionId };
    },
  });
}
