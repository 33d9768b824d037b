import "server-only";

import { verifyPasskeyForChallenge } from "@/lib/auth/passkeys/passkey-assertion";

/**
 * The passkey answer to the second sign-in step: verified against the WebAuthn challenge the options route
 * stored on the step's row (lib/auth/passkeys/). False for a wrong try; throws AppError for an answer signed for
 * another site or a step with no passkey prompt started.
 */
export async function verifyPasskeySecondStep(options: {
  challengeId: string;
  userId: string;
  response: unknown;
}): Promise<boolean> {
  return verifyPasskeyForChallenge(options);
}
