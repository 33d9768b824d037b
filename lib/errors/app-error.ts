/**
 * The one error contract of Copydesk's services. `message` is for the server log;
 * `userMessage` is a sentence safe to show to the person who made the request.
 */
export type AppErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unprocessable"
  | "rate_limited"
  | "method_not_allowed"
  | "unavailable";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details: unknown;

  constructor(options: {
    code: AppErrorCode;
    message: string;
    userMessage: string;
    details?: unknown;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = "AppError";
    this.code = options.code;
    this.userMessage = options.userMessage;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
