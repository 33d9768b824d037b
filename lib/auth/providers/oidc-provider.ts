import "server-only";

import type { OAuthConfig } from "next-auth/providers/oauth";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { idTokenErrorCode, idTokenFault } from "@/lib/auth/sso/id-token-refusal";
import type { SsoAttempt } from "@/lib/auth/sso/sso-attempt";
import { recordSsoRefusal } from "@/lib/auth/sso/sso-refusals";
import type { SsoSettings } from "@/lib/auth/sso/sso-settings";
import { logger } from "@/lib/log/logger";

export const oidcProviderId = "oidc";

type RequestFacts = { clientAddress: string; userAgent: string };

/**
 * Single sign-on through the newsroom's OpenID Provider (Okta, Entra ID, Google Workspace, Keycloak,
 * Authentik). The endpoints and keys come from the issuer's discovery document; the authorization code flow
 * runs with PKCE, state and nonce, and the person is read from the ID token alone, which openid-client v5
 * (Client#callback) verifies: signature by the issuer's published keys with the expected algorithm (RS256
 * unless the IdP registers another; `alg: none` is refused), issuer, audience, expiry and nonce.
 * Whether the person may come in is decided afterwards, in the signIn callback (lib/auth/sso/sso-sign-in.ts).
 */
export function oidcProvider(options: {
  settings: SsoSettings;
  jar?: AuthCookieJar;
  sso?: SsoAttempt;
  requestFacts: () => RequestFacts;
}): OAuthConfig<Record<string, unknown>> {
  const { settings } = options;
  return {
    id: oidcProviderId,
    name: settings.displayName,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scopes } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    token: {
      // openid-client's own callback, wrapped so a refused ID token is audited with its precise reason and
      // the person is told which check failed (next-auth alone would only say "OAuthCallback").
      async request({ provider, params, checks, client }) {
        const refuse = async (why: string, code: string) => {
          const facts = options.requestFacts();
          logger.warn("single sign-on refused: the ID token failed a check", { why });
          if (options.sso) options.sso.refusalCode = code;
          await recordSsoRefusal({ reason: "token_invalid", issuer: settings.issuer, why, ...facts });
        };
        // Mix-up protection: the discovery document must name the issuer we were configured with.
        const slashless = (issuer: unknown) => String(issuer).replace(/\/$/, "");
        if (slashless(client.issuer.metadata.issuer) !== slashless(settings.issuer)) {
          const why = `the discovery document names issuer ${String(client.issuer.metadata.issuer)}, not ${settings.issuer}`;
          await refuse(why, idTokenErrorCode("issuer"));
          throw new Error(why);
        }
        try {
          const tokens = await client.callback(provider.callbackUrl, params, checks);
          return { tokens };
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          await refuse(why, idTokenErrorCode(idTokenFault(error)));
          throw error;
        }
      },
    },
    profile(claims) {
      // Only the subject travels on: admission reads the verified claims themselves (the signIn callback).
      return { id: String(claims.sub ?? "") };
    },
  };
}
