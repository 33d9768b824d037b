import type { z } from "zod";

import { readJsonBody } from "@/lib/api/read-json-body";
import type { Actor } from "@/lib/auth/actor";
import { assertSameSiteRequest, configuredSameSite } from "@/lib/auth/cross-site";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { requireSessionActor } from "@/lib/auth/session-actor";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";
import { parseInput } from "@/lib/validation/parse-input";

/** What an endpoint's work receives, once the steps every endpoint shares are done. */
type ApiCall<Params, Body> = {
  request: Request;
  /** Who is asking: an API token, or a signed-in browser on this site (lib/auth decides). */
  actor: Actor;
  params: Params;
  body: Body;
  query: URLSearchParams;
  /** The `Idempotency-Key` header: a retried write with the same key is answered, not done twice. */
  idempotencyKey: string | undefined;
};

type ApiRouteDeclaration<Params, Body> = {
  /** "METHOD /api/v1/…", for the log when an endpoint fails in a way the caller cannot be told. */
  name: string;
  /** The path segments, checked before the body is read, so a refusal names the segment. */
  params?: z.ZodType<Params>;
  /** The JSON body, read with the size limit and parsed; endpoints without one never read it. */
  body?: z.ZodType<Body>;
  run: (call: ApiCall<Params, Body>) => Promise<Response>;
};

type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/**
 * A v1 endpoint, declared. In this order: who is asking (a bad token is a 401 before a bad body is a 400),
 * the path, the body, the work. What each actor may do is the service's decision. Every failure leaves here,
 * once, as the JSON error shape, never a stack trace.
 */
export function apiRoute<Params = undefined, Body = undefined>(
  route: ApiRouteDeclaration<Params, Body>,
): RouteHandler;
export function apiRoute(route: ApiRouteDeclaration<unknown, unknown>): RouteHandler {
  return async (request, context) => {
    try {
      const actor = await authenticateRequest({ request });
      const params = route.params
        ? parseInput({ schema: route.params, input: await context.params })
        : undefined;
      const body = route.body
        ? parseInput({ schema: route.body, input: await readJsonBody({ request }) })
        : undefined;
      return await route.run({
        request,
        actor,
        params,
        body,
        query: new URL(request.url).searchParams,
        idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
      });
    } catch (error) {
      return withAuthChallenge(request, errorResponse(error, { route: route.name }));
    }
  };
}

type DeskRouteDeclaration<Params, Body> = {
  /** Names the handler in the log when it fails in a way the desk cannot be told. */
  name: string;
  /** Decided by lib/auth, after the session actor is read: who may do this. */
  permission: Permission;
  /** The path segments; a segment that names nothing is the work's 404, not a 400 here. */
  params?: z.ZodType<Params>;
  /**
   * A JSON body and what the desk calls it. JSON only: a cross-site form cannot send it without a preflight,
   * so nobody can act from elsewhere through a signed-in browser.
   */
  body?: { schema: z.ZodType<Body>; called: string };
  /**
   * A body the work streams itself (a photo, read with its own limits), taken only same-site as this type.
   */
  streamedBody?: "application/octet-stream";
  run: (call: { request: Request; actor: Actor; params: Params; body: Body }) => Promise<Response>;
};

/**
 * A desk route handler, declared: for what the editor's browser fetches outside a server action (heartbeats,
 * uploads, photo files). In this order: the signed-in actor (no API token here), the permission, the path,
 * the body, the work. Every failure leaves here, once, as the JSON error shape.
 */
export function deskRoute<Params = undefined, Body = undefined>(
  route: DeskRouteDeclaration<Params, Body>,
): RouteHandler;
export function deskRoute(route: DeskRouteDeclaration<unknown, unknown>): RouteHandler {
  return async (request, context) => {
    try {
      const actor = await requireSessionActor();
      assertCan({ actor, permission: route.permission });
      if (route.streamedBody) {
        assertSameSiteRequest({ request, ...configuredSameSite(), bodyType: route.streamedBody });
      }
      const params = route.params
        ? parseInput({ schema: route.params, input: await context.params })
        : undefined;
      const body = route.body ? await readDeskJson(request, route.name, route.body) : undefined;
      return await route.run({ request, actor, params, body });
    } catch (error) {
      return errorResponse(error, { route: route.name });
    }
  };
}

async function readDeskJson(
  request: Request,
  name: string,
  body: { schema: z.ZodType<unknown>; called: string },
): Promise<unknown> {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    throw new AppError({
      code: "bad_request",
      message: `${name} without JSON`,
      userMessage: `Send the ${body.called} as JSON.`,
    });
  }
  return parseInput({ schema: body.schema, input: await request.json().catch(() => null) });
}

/** RFC 6750: a 401 names the scheme that would work, and says when the token sent was the problem. */
function withAuthChallenge(request: Request, response: Response): Response {
  if (response.status !== 401) return response;
  const challenge = request.headers.has("authorization")
    ? 'Bearer realm="Copydesk", error="invalid_token"'
    : 'Bearer realm="Copydesk"';
  response.headers.set("WWW-Authenticate", challenge);
  return response;
}

/** API answers are per-caller and must never be cached by a browser or a proxy. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type MethodHandler = (request: Request) => Promise<Response>;

/**
 * Handlers for every method a route does not take, so each answers 405 in the JSON error shape with an
 * `Allow` header (Next's own 405 has neither), and OPTIONS lists only the real methods. A route exports them
 * beside its own: `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] })`.
 */
export function otherMethods(options: {
  allow: Method[];
}): Record<Method | "HEAD" | "OPTIONS", MethodHandler> {
  const allowed = [...options.allow, ...(options.allow.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
  const allow = allowed.join(", ");
  const refuse: MethodHandler = async (request) => {
    const response = errorResponse(
      new AppError({
        code: "method_not_allowed",
        message: `${request.method} ${new URL(request.url).pathname} is not allowed`,
        userMessage: `This address does not take ${request.method}; it takes ${options.allow.join(" or ")}.`,
        details: { allow: allowed },
      }),
    );
    response.headers.set("Allow", allow);
    return response;
  };
  const listMethods: MethodHandler = async () =>
    new Response(null, { status: 204, headers: { Allow: allow, "Cache-Control": "no-store" } });
  return {
    GET: refuse,
    HEAD: refuse,
    POST: refuse,
    PUT: refuse,
    PATCH: refuse,
    DELETE: refuse,
    OPTIONS: listMethods,
  };
}
