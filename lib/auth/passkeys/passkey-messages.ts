// No imports: the sign-in page's browser code reads these sentences too (lib/auth/sign-in-errors.ts).

/** Why a passkey was not accepted; each has its own sentence, so nobody is left guessing. */
export type PasskeyRefusal = "expired" | "wrong_site" | "unknown_passkey" | "not_verified";

export const passkeyRefusalMessages: Record<PasskeyRefusal, string> = {
  expired: "The passkey request has expired or was already used. Try again.",
  wrong_site:
    "This passkey was made for another site or address, not this desk. Use a passkey you added on this desk.",
  unknown_passkey:
    "This passkey is not registered on this desk. It may have been removed; sign in another way, or use another passkey.",
  not_verified: "That passkey could not be verified. Try again, or use another way to sign in.",
};

/** The browser's prompt was closed (or timed out) before a passkey answered; nothing reached the desk. */
export const passkeyPromptClosedMessage =
  "The passkey prompt was closed or timed out before it finished. Try again when you are ready.";
