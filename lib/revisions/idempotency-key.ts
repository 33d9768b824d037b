import { AppError } from "@/lib/errors/app-error";

const keyPattern = /^[\x21-\x7e]{1,200}$/;

/** An Idempotency-Key is 1–200 visible ASCII characters; anything else is refused before any write. */
export function idempotencyKeyError(options: { key: string | undefined }): AppError | null {
  if (options.key === undefined || keyPattern.test(options.key)) return null;
  return new AppError({
    code: "bad_request",
    message: "malformed idempotency key",
    userMessage: "The Idempotency-Key must be 1 to 200 visible ASCII characters.",
    details: { fields: [{ path: "Idempotency-Key", message: "1 to 200 visible ASCII characters" }] },
  });
}
