import { AppError } from "@/lib/errors/app-error";

/** The one answer for a page cursor a list never handed out (edited, truncated, or from another list). */
export function malformedCursor(options: { list: string }): AppError {
  return new AppError({
    code: "bad_request",
    message: `malformed ${options.list} cursor`,
    userMessage: "This page link is no longer valid; start from the first page.",
    details: { fields: [{ path: "cursor", message: "not a cursor this list handed out" }] },
  });
}
