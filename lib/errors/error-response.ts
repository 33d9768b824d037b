import { logger } from "../log/logger";
import { isAppError } from "./app-error";
import { httpStatusByCode } from "./http-status";

/** The one adapter from any thrown error to the API's JSON error shape. Unexpected errors are logged, never echoed. */
export function errorResponse(error: unknown, context?: { route?: string }): Response {
  if (isAppError(error)) {
    const status = httpStatusByCode[error.code];
    if (status >= 500) logger.error(error.message, { route: context?.route, code: error.code, error });
    return Response.json(
      { error: { code: error.code, message: error.userMessage, details: error.details ?? null } },
      { status, headers: { "Cache-Control": "no-store" } },
    );
  }
  logger.error("unexpected error", { route: context?.route, error });
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again.", details: null } },
    { status: 500, headers: { "Cache-Control": "no-store" } },
  );
}
