import "server-only";

import {
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import type { z } from "zod";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import {
  attachWebauthnChallenge,
  challengeCookieName,
  challengeIdFromJar,
  findLiveChallenge,
} from "@/lib/auth/second-factor/sign-in-challenges";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";

import { PasskeyOptionsInput } from "./passkey-input";
import { passkeyCeremonySeconds } from "./passkey-registration";
import { requirePasskeyRelyingParty } from "./relying-party";

function secondStepOver(): AppError {
  return new AppError({
    code: "unauthenticated",
    message: "second step by passkey without a live step",
    userMessage: "That sign-in took too long, so it was stopped. Enter your email and password again.",
  });
}

export type PasskeySignInOptions = {
  step: "second_factor" | "passkey_sign_in";
  options: PublicKeyCredentialRequestOptionsJSON;
};

/**
 * What the sign-in page's browser asks for before its passkey prompt (POST /api/sign-in/passkey-options).
 * With a live `second_factor` step in the sign-in cookie: the person's own passkeys, the challenge stored on
 * that step. Otherwise (or when asked for a passkey sign-in): a new `passkey_sign_in` step with no person yet
 * (the passkey names them), its id put in the cookie.
 */
export async function passkeySignInOptions(options: {
  jar: AuthCookieJar;
  input: z.input<typeof PasskeyOptionsInput>;
  requestOrigin: string | null;
  clientAddress: string;
}): Promise<PasskeySignInOptions> {
  const input = parseInput({ schema: PasskeyOptionsInput, input: options.input });
  const party = requirePasskeyRelyingParty({ requestOrigin: options.requestOrigin });
  const pendingStep =
    input.purpose === "passkey_sign_in"
      ? null
      : await findLiveChallenge({ id: challengeIdFromJar(options.jar), purpose: "second_factor" });

  if (pendingStep?.userId) {
    const passkeys = await getDb().passkey.findMany({
      where: { userId: pendingStep.userId },
      select: { credentialId: true, transports: true },
    });
    if (passkeys.length === 0)
      throw new AppError({
        code: "conflict",
        message: "second step by passkey for a person without one",
        userMessage: "Your account has no passkey. Use your authenticator app or a recovery code instead.",
      });
    const request = await generateAuthenticationOptions({
      rpID: party.id,
      allowCredentials: passkeys.map((passkey) => ({
        id: passkey.credentialId,
        transports: passkey.transports,
      })),
      timeout: passkeyCeremonySeconds * 1000,
      // Possession is the second factor after a password; a security key without a PIN still counts.
      userVerification: "preferred",
    });
    if (!(await attachWebauthnChallenge({ id: pendingStep.id, webauthnChallenge: request.challenge })))
      throw secondStepOver();
    return { step: "second_factor", options: request };
  }

  if (input.purpose === "second_factor") throw secondStepOver();
  const request = await generateAuthenticationOptions({
    rpID: party.id,
    timeout: passkeyCeremonySeconds * 1000,
    userVerification: "required",
  });
  const step = await getDb().signInChallenge.create({
    data: {
      purpose: "passkey_sign_in",
      webauthnChallenge: request.challenge,
      clientAddress: options.clientAddress,
      expiresAt: new Date(Date.now() + passkeyCeremonySeconds * 1000),
    },
    select: { id: true },
  });
  options.jar.set(challengeCookieName(), step.id, { maxAgeSeconds: passkeyCeremonySeconds });
  return { step: "passkey_sign_in", options: request };
}
