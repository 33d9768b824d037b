import "server-only";

import CredentialsProvider from "next-auth/providers/credentials";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { startSecondStepIfNeeded } from "@/lib/auth/second-factor/start-second-step";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signInErrorCode } from "@/lib/auth/sign-in-errors";
import { refusePasswordSignIn } from "@/lib/auth/sso/refuse-password-sign-in";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

import { providerHeaders, singleHeader } from "./request-headers";

/**
 * Email and password: the first (and, without a second factor, the only) sign-in step. Errors are thrown as
 * codes (sign-in-errors.ts) that the sign-in form turns into sentences.
 */
export function passwordProvider(options: { jar?: AuthCookieJar }) {
  return CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, request) {
      const email = typeof credentials?.email === "string" ? credentials.email : "";
      const password = typeof credentials?.password === "string" ? credentials.password : "";
      const headers = providerHeaders(request);
      const clientAddress = clientAddressFrom({ headers, trustProxyHops: getEnv().TRUST_PROXY });
      const userAgent = singleHeader(headers, "user-agent");
      let result;
      let sessionId;
      let passwordSignInOff = false;
      let secondStep = false;
      try {
        result = await signInWithPassword({ email, password, clientAddress });
        // PASSWORD_SIGN_IN=break_glass: the check above still ran in full (same time, same limits), and only a
        // right password hears that password sign-in is off, so nothing tells which emails exist.
        if (result.ok)
          passwordSignInOff = await refusePasswordSignIn({
            userId: result.userId,
            email,
            clientAddress,
            userAgent,
          });
        // A person with a second factor gets no session yet: the form asks for it (second-factor-provider.ts).
        if (result.ok && !passwordSignInOff)
          secondStep = await startSecondStepIfNeeded({
            userId: result.userId,
            clientAddress,
            jar: options.jar,
          });
        if (result.ok && !passwordSignInOff && !secondStep)
          ({ sessionId } = await completeSignIn({
            userId: result.userId,
            method: "password",
            clientAddress,
            userAgent,
            jar: options.jar,
          }));
      } catch (error) {
        logger.error("sign-in failed unexpectedly", { error });
        throw new Error("unavailable");
      }
      if (passwordSignInOff) throw new Error("password-sso-only");
      if (!result.ok) throw new Error(signInErrorCode(result));
      if (secondStep) throw new Error("second_factor");
      // Only ids go into the session cookie; everything else is read from the database per request.
      return { id: result.userId, sessionId };
    },
  });
}
