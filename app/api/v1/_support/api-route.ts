import { errorResponse } from "@/lib/errors/error-response";

type Handler<Params> = (request: Request, params: Params) => Promise<Response>;

/** Wraps a v1 route handler so every failure leaves as the JSON error shape, never a stack trace. */
export function apiRoute<Params = Record<string, never>>(name: string, handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return errorResponse(error, { route: name });
    }
  };
}

/** API answers are per-caller and must never be cached by a browser or a proxy. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
