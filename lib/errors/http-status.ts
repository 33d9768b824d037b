import type { AppErrorCode } from "./app-error";

export const httpStatusByCode: Record<AppErrorCode, number> = {
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
