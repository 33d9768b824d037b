import "server-only";

import type { NextAuthOptions } from "next-auth";

import { logger } from "@/lib/log/logger";

import type { AuthCookieJar } from "./auth-cookies";
import { safeCallbackPath } from "./callback-path";
import { passkeyProvider } from "./providers/passkey-provider";
import { passwordProvider } from "./providers/password-provider";
import { secondFactorProvider } from "./providers/second-factor-provider";
import { endSession, sessionMaxAgeSeconds } from "./sessions";

/**
 * next-auth's options. The auth route builds them per request with that request's cookie jar, so sign-in steps
 * can set their own cookies (auth-cookies.ts); everywhere else (getServerSession) reads sessions with
 * `authOptions`, which never runs a provider.
 */
export function buildAuthOptions(options: { jar?: AuthCookieJar }): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [passwordProvider(options), secondFactorProvider(options), passkeyProvider(options)],
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
}

export const authOptions: NextAuthOptions = buildAuthOptions({});
