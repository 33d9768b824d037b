import "server-only";

import type { NextAuthOptions } from "next-auth";

import { logger } from "@/lib/log/logger";

import type { AuthCookieJar } from "./auth-cookies";
import { safeCallbackPath } from "./callback-path";
import { oidcProvider, oidcProviderId } from "./providers/oidc-provider";
import { passkeyProvider } from "./providers/passkey-provider";
import { passwordProvider } from "./providers/password-provider";
import { secondFactorProvider } from "./providers/second-factor-provider";
import { endSession, sessionMaxAgeSeconds } from "./sessions";
import { requestFacts } from "./sso/request-facts";
import type { SsoAttempt } from "./sso/sso-attempt";
import { ssoSettings } from "./sso/sso-settings";
import { signInWithSso } from "./sso/sso-sign-in";

/**
 * next-auth's options. The auth route builds them per request with that request's cookie jar, so sign-in steps
 * can set their own cookies (auth-cookies.ts); everywhere else (getServerSession) reads sessions with
 * `authOptions`, which never runs a provider.
 */
export function buildAuthOptions(options: {
  jar?: AuthCookieJar;
  /** The request being answered: single sign-on reads its client address and user agent. */
  request?: Request;
  sso?: SsoAttempt;
}): NextAuthOptions {
  const sso = ssoSettings();
  const facts = () => requestFacts(options.request);
  return {
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      passwordProvider(options),
      secondFactorProvider(options),
      passkeyProvider(options),
      ...(sso
        ? [oidcProvider({ settings: sso, jar: options.jar, sso: options.sso, requestFacts: facts })]
        : []),
    ],
    callbacks: {
      // Single sign-on ends like every way in: admitted by lib/auth/sso, then completeSignIn opens the session,
      // whose ids the jwt callback below puts in the cookie. A refusal goes to the sign-in page with its code.
      async signIn({ user, account, profile }) {
        if (account?.provider !== oidcProviderId) return true;
        if (!sso || !profile) return "/signin?error=unavailable";
        let result;
        try {
          result = await signInWithSso({
            claims: profile as Record<string, unknown>,
            ...facts(),
            jar: options.jar,
            settings: sso,
          });
        } catch (error) {
          logger.error("single sign-on failed unexpectedly", { error });
          return "/signin?error=unavailable";
        }
        if (!result.ok) return `/signin?error=${result.code}`;
        Object.assign(user, { id: result.userId, sessionId: result.sessionId });
        return true;
      },
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
