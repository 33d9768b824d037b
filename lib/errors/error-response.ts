import { isDatabaseUnavailable } from "@/lib/db/connection-loss";
import { logger } from "@/lib/log/logger";
import { databaseUnavailableMessage, retryAfterSeconds } from "@/lib/server/shared-constants.mjs";

import { isAppError, type AppErrorCode } from "./app-error";

const httpStatusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  method_not_allowed: 405,
  unavailable: 503,
};

/**
 * The one adapter from any thrown error to the API's JSON error shape. Unexpected errors are logged, never
 * echoed.
 */
export function errorResponse(error: unknown, context?: { route?: string }): Response {
  if (isAppError(error)) {
    const status = httpStatusByCode[error.code];
    if (status >= 500) logger.error(error.message, { route: context?.route, code: error.code, error });
    return Response.json(
      { error: { code: error.code, message: error.userMessage, details: error.details ?? null } },
      {
        status,
        headers: {
          "Cache-Control": "no-store",
          ...(status === 503 ? { "Retry-After": String(retryAfterSeconds) } : {}),
        },
      },
    );
  }
  if (isDatabaseUnavailable(error)) {
    logger.error("database unavailable", { route: context?.route, error });
    return Response.json(
      { error: { code: "unavailable", message: databaseUnavailableMessage, details: null } },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(retryAfterSeconds) } },
    );
  }
  logger.error("unexpected error", { route: context?.route, error });
  return Response.json(
    {
      error: {
        code: "internal",
        message: "Something went wrong on our side. Please try again.",
        details: null,
      },
    },
    { status: 500, headers: { "Cache-Control": "no-store" } },
  );
}
