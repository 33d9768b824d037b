import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";

import { findFreePort } from "@/lib/db/free-port";

/** The claims a test account's ID token carries (what the IdP vouches for). */
export type TestIdentity = {
  email?: string;
  email_verified?: unknown;
  name?: string;
  groups?: string[];
};

/**
 * How the front door rewrites the ID token on its way from the token endpoint, imitating a broken or hostile
 * IdP that a certified provider would never be: another audience or issuer and expired are re-signed with
 * the provider's own key (so only that check fails), "unsigned" is `alg: none` with no signature,
 * "unverified-email" is re-signed with email_verified false.
 */
export type IdTokenTamper = "audience" | "issuer" | "expired" | "unsigned" | "unverified-email";

export type TestOpenIdProvider = {
  /** The issuer identifier and the address relying parties use (the front door). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces the account signed in to with this login name (typed into the provider's login form). */
  setAccount(login: string, identity: TestIdentity): void;
  /** Rewrites ID tokens from now on (null: pass them through untouched). */
  tamper(mode: IdTokenTamper | null): void;
  stop(): Promise<void>;
};

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

function rewriteIdToken(options: { idToken: string; mode: IdTokenTamper; key: KeyObject }): string {
  const [headerPart, payloadPart] = options.idToken.split(".");
  const header = JSON.parse(Buffer.from(headerPart ?? "", "base64url").toString()) as Record<string, unknown>;
  const payload = JSON.parse(Buffer.from(payloadPart ?? "", "base64url").toString()) as Record<
    string,
    unknown
  >;
  const now = Math.floor(Date.now() / 1000);
  if (options.mode === "audience") payload.aud = "another-newsroom-app";
  if (options.mode === "issuer") payload.iss = "https://idp.attacker.example";
  if (options.mode === "expired") Object.assign(payload, { iat: now - 7200, exp: now - 3600 });
  if (options.mode === "unverified-email") payload.email_verified = false;
  if (options.mode === "unsigned") {
    const unsignedHeader: Record<string, unknown> = { ...header, alg: "none" };
    delete unsignedHeader.kid;
    return `${base64url(JSON.stringify(unsignedHeader))}.${base64url(JSON.stringify(payload))}.`;
  }
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(sign("sha256", Buffer.from(signingInput), options.key))}`;
}

/**
 * A real, certified OpenID Provider (the `oidc-provider` package) for tests, on free local ports, with a
 * front door in front of it: the front door passes every request through (keeping the Host, so the provider's
 * URLs name the front door) and can tamper with ID tokens from the token endpoint. Login is the provider's
 * development form: any login name of an account set with setAccount, any password; consent is granted at
 * once (a first-party client).
 */
export async function startTestOpenIdProvider(options: {
  /** Copydesk's callbacks (one per server under test), e.g. http://127.0.0.1:3131/api/auth/callback/oidc */
  redirectUris: string[];
  accounts?: Record<string, TestIdentity>;
}): Promise<TestOpenIdProvider> {
  const { default: Provider } = (await import("oidc-provider")) as {
    default: new (
      issuer: string,
      configuration: Record<string, unknown>,
    ) => {
      callback(): http.RequestListener;
      Grant: new (init: { clientId: string; accountId: string }) => {
        addOIDCScope(scope: string): void;
        addOIDCClaims(claims: string[]): void;
        save(): Promise<string>;
      };
    };
  };
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const clientId = "copydesk-test";
  const clientSecret = "copydesk-test-secret-0123456789abcdef";
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key-1", alg: "RS256", use: "sig" };

  const frontPort = await findFreePort();
  const issuer = `http://127.0.0.1:${frontPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-openid-provider-cookie-key"] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    // The ID token carries the granted claims, as Okta's and Entra's do (next-auth reads it alone).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    findAccount(_context: unknown, sub: string) {
      const identity = accounts.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...identity }) };
    },
    async loadExistingGrant(context: {
      oidc: {
        provider: { Grant: { find(id: string): Promise<unknown> } };
        client: { clientId: string };
        session: { accountId: string; grantIdFor(clientId: string): string | undefined };
        result?: { consent?: { grantId?: string } };
      };
    }) {
      const { oidc } = context;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope("openid email profile groups");
      grant.addOIDCClaims(["email", "email_verified", "name", "groups"]);
      await grant.save();
      return grant;
    },
  });

  const backPort = await findFreePort();
  const back = http.createServer(provider.callback());
  await new Promise<void>((resolve) => back.listen(backPort, "127.0.0.1", resolve));

  let tamperMode: IdTokenTamper | null = null;
  const front = http.createServer((request, response) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: backPort,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        const rewriting = tamperMode && request.method === "POST" && request.url?.startsWith("/token");
        if (!rewriting) {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          let body = Buffer.concat(chunks).toString();
          const tokens = JSON.parse(body) as { id_token?: string };
          if (tokens.id_token && tamperMode) {
            tokens.id_token = rewriteIdToken({ idToken: tokens.id_token, mode: tamperMode, key: privateKey });
            body = JSON.stringify(tokens);
          }
          const headers = { ...answer.headers, "content-length": String(Buffer.byteLength(body)) };
          response.writeHead(answer.statusCode ?? 502, headers);
          response.end(body);
        });
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(frontPort, "127.0.0.1", resolve));

  const close = (server: http.Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (login, identity) => void accounts.set(login, identity),
    tamper: (mode) => void (tamperMode = mode),
    stop: async () => {
      await close(front);
      await close(back);
    },
  };
}
