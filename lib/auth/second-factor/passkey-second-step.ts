import "server-only";

/**
 * The passkey answer to the second sign-in step. PLACEHOLDER: the passkeys work (lib/auth/passkeys/) replaces
 * this body with a call to its `verifyPasskeyForChallenge({ challengeId, userId, response })`, which verifies
 * against the WebAuthn challenge stored on the challenge row, updates the counter and returns true/false (or
 * throws AppError). Until then a passkey answer is refused.
 */
export async function verifyPasskeySecondStep(options: {
  challengeId: string;
  userId: string;
  response: unknown;
}): Promise<boolean> {
  void options;
  return false;
}
