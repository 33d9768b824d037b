import { SimpleWebAuthnError } from "@simplewebauthn/server";

import { AppError } from "@/lib/errors/app-error";

import { passkeyRefusalMessages, type PasskeyRefusal } from "./passkey-messages";

export { passkeyRefusalMessages, type PasskeyRefusal };

export function passkeyRefusalError(reason: PasskeyRefusal, message: string): AppError {
  return new AppError({
    code: reason === "expired" ? "conflict" : "unprocessable",
    message,
    userMessage: passkeyRefusalMessages[reason],
    details: { reason },
  });
}

/**
 * What a SimpleWebAuthn verification failure means for the person. Its errors are plain `Error`s with
 * descriptive text, except origin and relying-party mismatches, which carry codes: those are the phishing
 * case (a look-alike site relaying the ceremony) and get their own sentence.
 */
export function refusalOfVerificationError(error: unknown): PasskeyRefusal {
  if (
    error instanceof SimpleWebAuthnError &&
    (error.code === "UNEXPECTED_ORIGIN" || error.code === "UNEXPECTED_RP_ID")
  )
    return "wrong_site";
  return "not_verified";
}

/** The origin and challenge the browser signed (clientDataJSON), or null when it is not readable. */
export function readClientData(clientDataJSON: string): { origin: string; challenge: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
    if (
      parsed &&
      typeof parsed === "object" &&
      "origin" in parsed &&
      "challenge" in parsed &&
      typeof parsed.origin === "string" &&
      typeof parsed.challenge === "string"
    )
      return { origin: parsed.origin, challenge: parsed.challenge };
    return null;
  } catch {
    return null;
  }
}

/** The sign-in error code (lib/auth/sign-in-errors.ts) for a passkey refusal thrown as AppError. */
export function passkeyRefusalCode(error: AppError): string {
  const reason = (error.details as { reason?: unknown } | null)?.reason;
  return typeof reason === "string" && reason in passkeyRefusalMessages
    ? `passkey-${reason}`
    : "passkey_failed";
}
