import "server-only";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

import type { Actor } from "./actor";
import { authenticateApiToken } from "./api-tokens";
import { clientAddressFrom } from "./client-address";
import { assertSameSiteRequest, configuredSameSite } from "./cross-site";
import { getSessionActor } from "./session-actor";

/**
 * The actor behind an API request: a Bearer token when the request carries one (and then only the
 * token counts, so a bad token is never rescued by a browser cookie), otherwise the session cookie —
 * and then a request that changes anything must be same-site JSON (see assertSameSiteRequest).
 */
export async function authenticateRequest(options: { request: Request }): Promise<Actor> {
  const authorization = options.request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const clientAddress = clientAddressFrom({
      headers: Object.fromEntries(options.request.headers.entries()),
      trustProxyHops: getEnv().TRUST_PROXY,
    });
    const actor = match?.[1] ? await authenticateApiToken({ token: match[1], clientAddress }) : null;
    if (!actor) {
      throw new AppError({
        code: "unauthenticated",
        message: "invalid bearer token",
        userMessage:
          "The API token is missing, invalid, revoked, or belongs to a deactivated account. Send `Authorization: Bearer <token>` with an active token.",
      });
    }
    return actor;
  }
  const actor = await getSessionActor();
  if (!actor) {
    throw new AppError({
      code: "unauthenticated",
      message: "no credentials",
      userMessage: "Sign in, or send `Authorization: Bearer <token>` with an API token.",
    });
  }
  assertSameSiteRequest({ request: options.request, ...configuredSameSite() });
  return actor;
}
