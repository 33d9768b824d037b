import "server-only";

import CredentialsProvider from "next-auth/providers/credentials";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { passkeyRefusalCode } from "@/lib/auth/passkeys/passkey-refusals";
import { SecondStepMethodInput } from "@/lib/auth/second-factor/second-factor-input";
import { answerSecondStep, type SecondStepResult } from "@/lib/auth/second-factor/second-step";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";

import { providerHeaders, singleHeader } from "./request-headers";

/**
 * The second sign-in step, after the password: an authenticator code, a recovery code or a passkey answers the
 * challenge in the sign-in cookie (lib/auth/second-factor/second-step.ts). Errors are codes, as for passwords.
 */
export function secondFactorProvider(options: { jar?: AuthCookieJar }) {
  return CredentialsProvider({
    id: "second-factor",
    name: "Second factor",
    credentials: {
      method: { label: "Method", type: "text" },
      code: { label: "Code", type: "text" },
      response: { label: "Passkey response", type: "text" },
    },
    async authorize(credentials, request) {
      const method = SecondStepMethodInput.safeParse(credentials?.method);
      if (!method.success) throw new Error("code_malformed");
      const code = typeof credentials?.code === "string" ? credentials.code.slice(0, 64) : "";
      const headers = providerHeaders(request);
      const clientAddress = clientAddressFrom({ headers, trustProxyHops: getEnv().TRUST_PROXY });
      const userAgent = singleHeader(headers, "user-agent");
      let result: SecondStepResult;
      let sessionId;
      try {
        result = await answerSecondStep({
          jar: options.jar,
          method: method.data,
          code,
          response: parseResponse(credentials?.response),
          clientAddress,
          userAgent,
        });
        if (result.ok)
          ({ sessionId } = await completeSignIn({
            userId: result.userId,
            method: result.method,
            methods: ["password", result.method],
            clientAddress,
            userAgent,
            jar: options.jar,
          }));
      } catch (error) {
        // A passkey verifier may refuse with an AppError (a passkey of another site, say): a refusal, not an outage.
        if (isAppError(error) && method.data === "passkey") throw new Error(passkeyRefusalCode(error));
        logger.error("second sign-in step failed unexpectedly", { error });
        throw new Error("unavailable");
      }
      if (!result.ok) throw new Error(result.code);
      return { id: result.userId, sessionId };
    },
  });
}

/** The passkey answer arrives as JSON text (next-auth credentials are strings). */
function parseResponse(value: unknown): unknown {
  if (typeof value !== "string" || value.length === 0 || value.length > 20_000) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
