import { createHash } from "node:crypto";

import { AppError } from "@/lib/errors/app-error";

/** JSON with object keys sorted at every depth, so the same request hashes the same whatever its key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
}

/**
 * The digest kept with an Idempotency-Key: which operation, on which story, by whom, with which (parsed)
 * body. A retry matches it exactly; any other use of the key does not.
 */
export function requestFingerprint(options: {
  operation: string;
  slug: string;
  callerId: string;
  input: unknown;
}): string {
  const { operation, slug, callerId, input } = options;
  return createHash("sha256")
    .update(JSON.stringify(canonical({ operation, slug, callerId, input })))
    .digest("hex");
}

/** A stored fingerprint of null predates fingerprints: such a key still answers its own retries. */
export function sameRequest(options: { stored: string | null; fingerprint: string }): boolean {
  return options.stored === null || options.stored === options.fingerprint;
}

export function keyReusedError(): AppError {
  return new AppError({
    code: "unprocessable",
    message: "idempotency key reused for a different request or by a different caller",
    userMessage:
      "This key was used for a different request. Send a new Idempotency-Key with each new request.",
    details: { fields: [{ path: "Idempotency-Key", message: "this key was used for a different request" }] },
  });
}
