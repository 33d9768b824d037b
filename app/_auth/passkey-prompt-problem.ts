import { passkeyPromptClosedMessage } from "@/lib/auth/passkeys/passkey-messages";

/** Whether the browser's prompt ended because the person closed it or it timed out. */
export function passkeyPromptClosed(error: unknown): boolean {
  const named = error as { name?: unknown; cause?: { name?: unknown } } | null;
  const name = named?.cause?.name ?? named?.name;
  return name === "NotAllowedError" || name === "AbortError";
}

/**
 * A sentence for why the browser's passkey prompt ended without an answer (@simplewebauthn/browser passes the
 * browser's own error names through). Nothing was sent to the desk in these cases.
 */
export function passkeyPromptProblem(error: unknown, ceremony: "register" | "sign-in"): string {
  const named = error as { name?: unknown; code?: unknown; cause?: { name?: unknown } } | null;
  const name = named?.cause?.name ?? named?.name;
  if (named?.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError")
    return "This device already holds a passkey for your account on this desk.";
  if (passkeyPromptClosed(error))
    return ceremony === "register"
      ? "The passkey prompt was closed or timed out before it finished. Nothing was added; try again when you are ready."
      : passkeyPromptClosedMessage;
  if (name === "SecurityError")
    return "This browser refused to use a passkey at this address. Open the desk at its usual address and try again.";
  return ceremony === "register"
    ? "This browser could not make a passkey. Try another browser or device."
    : "This browser could not use a passkey. Try another browser or device, or sign in with your password.";
}
