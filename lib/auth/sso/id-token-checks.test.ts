import { generators, Issuer, type Client } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { oidcProvider } from "@/lib/auth/providers/oidc-provider";
import { getDb } from "@/lib/db/client";
import {
  startTestOpenIdProvider,
  type IdTokenTamper,
  type TestOpenIdProvider,
} from "@/lib/testing/test-openid-provider";

import { idTokenFault } from "./id-token-refusal";
import { createSsoAttempt } from "./sso-attempt";

// The same verification next-auth runs for the oidc provider (core/lib/oauth/callback.ts: Issuer.discover,
// then Client#callback with state, nonce and the PKCE verifier), against a real OpenID Provider.
const redirectUri = "http://127.0.0.1:9/api/auth/callback/oidc";
let idp: TestOpenIdProvider;
let client: Client;

beforeAll(async () => {
  idp = await startTestOpenIdProvider({
    redirectUris: [redirectUri],
    accounts: {
      rosa: { email: "rosa@example.org", email_verified: true, name: "Rosa Díaz", groups: ["desk"] },
    },
  });
  const issuer = await Issuer.discover(`${idp.issuer}/.well-known/openid-configuration`);
  client = new issuer.Client({
    client_id: idp.clientId,
    client_secret: idp.clientSecret,
    redirect_uris: [redirectUri],
  });
});

afterAll(async () => {
  await idp?.stop();
});

/** Cookies as a browser would keep them for the provider (names and values only; one site, plain http). */
function cookieKeeper() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    keep(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const cut = pair?.indexOf("=") ?? -1;
        if (pair && cut > 0) cookies.set(pair.slice(0, cut), pair.slice(cut + 1));
      }
    },
  };
}

/** Signs in at the provider's login form as `login` and comes back with the callback parameters. */
async function signInAtProvider(login: string) {
  const state = generators.state();
  const nonce = generators.nonce();
  const verifier = generators.codeVerifier();
  const jar = cookieKeeper();
  let url = client.authorizationUrl({
    scope: "openid email profile groups",
    state,
    nonce,
    code_challenge: generators.codeChallenge(verifier),
    code_challenge_method: "S256",
  });
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.startsWith(redirectUri)) {
      const params = client.callbackParams(url);
      return client.callback(redirectUri, params, { state, nonce, code_verifier: verifier });
    }
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      headers: { cookie: jar.header() },
      redirect: "manual",
    });
    jar.keep(response);
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered without a form or redirect: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll("&amp;", "&"), url).toString();
    body = new URLSearchParams({ prompt: "login", login, password: "any password" });
  }
  throw new Error("too many redirects");
}

describe("ID tokens from the test OpenID Provider", () => {
  it("an untouched ID token passes openid-client's checks and carries the claims the test set", async () => {
    idp.tamper(null);
    const tokens = await signInAtProvider("rosa");
    expect(tokens.claims()).toMatchObject({
      sub: "rosa",
      iss: idp.issuer,
      aud: idp.clientId,
      email: "rosa@example.org",
      email_verified: true,
      groups: ["desk"],
    });
  });

  const refusals: [IdTokenTamper, ReturnType<typeof idTokenFault>][] = [
    ["audience", "audience"],
    ["issuer", "issuer"],
    ["expired", "expired"],
    ["unsigned", "signature"],
  ];
  for (const [mode, fault] of refusals) {
    it(`an ID token tampered (${mode}) is refused, as a ${fault} fault`, async () => {
      idp.tamper(mode);
      try {
        const refused = await signInAtProvider("rosa").then(
          () => null,
          (error: unknown) => error,
        );
        expect(refused).toBeInstanceOf(Error);
        expect(idTokenFault(refused)).toBe(fault);
      } finally {
        idp.tamper(null);
      }
    });
  }

  it("an ID token re-signed with email_verified false still verifies (admission refuses it, not openid-client)", async () => {
    idp.tamper("unverified-email");
    try {
      expect((await signInAtProvider("rosa")).claims().email_verified).toBe(false);
    } finally {
      idp.tamper(null);
    }
  });
});

describe("the oidc provider's token step", () => {
  // Guards against a mix-up: a discovery document naming another issuer than OIDC_ISSUER is refused before any
  // token is exchanged, and the refusal is audited.
  it("refuses a provider whose discovery document names another issuer than the configured one", async () => {
    const sso = createSsoAttempt();
    const configured = "https://idp.example.org";
    const provider = oidcProvider({
      settings: {
        issuer: configured,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        displayName: "Okta",
        allowedDomains: ["example.org"],
        provisioning: "auto",
        scopes: "openid email",
        groupsClaim: "groups",
        roleMap: null,
      },
      sso,
      requestFacts: () => ({ clientAddress: "198.51.100.4", userAgent: "Vitest" }),
    });
    const token = provider.token as { request: (context: unknown) => Promise<unknown> };
    await expect(
      token.request({ provider: { callbackUrl: redirectUri }, params: { code: "x" }, checks: {}, client }),
    ).rejects.toThrow(/names issuer/);
    expect(sso.refusalCode).toBe("sso-token-issuer");
    const event = await getDb().authEvent.findFirstOrThrow({
      where: { kind: "sso_refused", clientAddress: "198.51.100.4" },
    });
    expect(event.detail).toMatchObject({ reason: "token_invalid", issuer: configured });
  });
});
