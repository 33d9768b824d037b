import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

import { safeCallbackPath } from "./callback-path";
import { clientAddressFrom } from "./client-address";
import { endSession, sessionMaxAgeSeconds, startSession } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { signInErrorCode } from "./sign-in-errors";

function header(headers: Record<string, unknown> | undefined, name: string): string {
  const value = headers?.[name];
  return typeof value === "string"
    ? value
    : Array.isArray(value) && typeof value[0] === "string"
      ? value[0]
      : "";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const headers = (request.headers ?? {}) as Record<string, string | string[] | undefined>;
        let result;
        let sessionId;
        try {
          result = await signInWithPassword({
            email,
            password,
            clientAddress: clientAddressFrom({ headers, trustProxyHops: getEnv().TRUST_PROXY }),
          });
          if (result.ok)
            sessionId = await startSession({
              userId: result.userId,
              userAgent: header(headers, "user-agent"),
            });
        } catch (error) {
          logger.error("sign-in failed unexpectedly", { error });
          throw new Error("unavailable");
        }
        if (!result.ok) throw new Error(signInErrorCode(result));
        // Only ids go into the session cookie; everything else is read from the database per request.
        return { id: result.userId, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      return user ? { sub: user.id, sid: user.sessionId } : { sub: token.sub, sid: token.sid };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" }, sessionId: token.sid };
    },
    // next-auth's own redirects (after its sign-in and sign-out endpoints) stay on the site, decided as the
    // browser reads the URL.
    redirect({ url, baseUrl }) {
      return new URL(
        safeCallbackPath({ value: url, siteOrigin: new URL(baseUrl).origin }),
        baseUrl,
      ).toString();
    },
  },
  events: {
    // next-auth's own sign-out endpoint; the desk's button (app/_auth/sign-out-action.ts) ends the session
    // itself.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession({ sessionId: token.sid });
    },
  },
  logger: {
    error: (code, metadata) => logger.error(`next-auth: ${code}`, { metadata }),
    warn: (code) => logger.warn(`next-auth: ${code}`),
    debug: () => {},
  },
};
