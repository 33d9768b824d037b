import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";

/** The desk refused to start a passkey prompt; `message` is its own sentence. */
export class PasskeyOptionsError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Asks the desk for a passkey prompt's options (POST /api/sign-in/passkey-options): for a passkey sign-in, or
 * for the second step after a password (the sign-in cookie names that step). Throws the desk's own sentence.
 */
export async function requestPasskeyOptions(body: {
  purpose: "passkey_sign_in" | "second_factor";
}): Promise<{ step: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  let response: Response;
  try {
    response = await fetch("/api/sign-in/passkey-options", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new PasskeyOptionsError("The desk could not be reached. Check your connection and try again.", 0);
  }
  const answer = (await response.json().catch(() => null)) as
    | { step: string; options: PublicKeyCredentialRequestOptionsJSON; error?: undefined }
    | { error?: { message?: string } }
    | null;
  if (!response.ok || !answer || !("options" in answer))
    throw new PasskeyOptionsError(
      (answer as { error?: { message?: string } } | null)?.error?.message ??
        "Sign-in is unavailable right now. Please try again in a moment.",
      response.status,
    );
  return answer;
}
