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

export type FieldProblem = { path: string; message: string };

/** The per-field problems a refused input carries (lib/validation/parse-input.ts puts them in `details.fields`). */
export function fieldProblemsOf(error: AppError): FieldProblem[] {
  const { details } = error;
  if (typeof details !== "object" || details === null || !("fields" in details)) return [];
  const { fields } = details;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field: unknown) =>
    typeof field === "object" &&
    field !== null &&
    "path" in field &&
    "message" in field &&
    typeof field.path === "string" &&
    typeof field.message === "string"
      ? [{ path: field.path, message: field.message }]
      : [],
  );
}
