import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";

type Handler<Params> = (request: Request, params: Params) => Promise<Response>;

/** Wraps a v1 route handler so every failure leaves as the JSON error shape, never a stack trace. */
export function apiRoute<Params = Record<string, never>>(name: string, handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return withAuthChallenge(request, errorResponse(error, { route: name }));
    }
  };
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
