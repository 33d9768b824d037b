import "server-only";

import { verifyAuthenticationResponse } from "@simplewebauthn/server";

import { recordAuthEvent } from "@/lib/auth/auth-events";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";

import { AuthenticationResponseInput } from "./passkey-input";
import {
  passkeyRefusalError,
  readClientData,
  refusalOfVerificationError,
  type PasskeyRefusal,
} from "./passkey-refusals";
import { userHandleOf } from "./passkey-registration";
import { passkeyRelyingParty } from "./relying-party";

type StoredPasskey = {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: bigint;
  transports: string[];
};

/**
 * Checks one assertion against a stored passkey and the challenge the desk issued, then moves the passkey's
 * signature counter on (compare-and-set, so two uses of one assertion cannot both pass). Throws the refusal's
 * AppError.
 */
async function verifyAssertion(options: {
  passkey: StoredPasskey;
  response: unknown;
  expectedChallenge: string;
  requireUserVerification: boolean;
}): Promise<void> {
  const party = passkeyRelyingParty();
  if (!party) throw passkeyRefusalError("wrong_site", "passkeys are off: the desk's address is an IP");
  const response = parseInput({ schema: AuthenticationResponseInput, input: options.response });
  const { passkey } = options;
  // Discoverable passkeys name their person; one that names someone else is not this passkey's answer.
  const handle = response.response.userHandle;
  if (handle && handle !== Buffer.from(userHandleOf(passkey.userId)).toString("base64url"))
    throw passkeyRefusalError("not_verified", "assertion user handle does not match the passkey's person");
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: options.expectedChallenge,
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: options.requireUserVerification,
    });
  } catch (error) {
    logger.warn("passkey assertion refused", { passkeyId: passkey.id, error });
    throw passkeyRefusalError(refusalOfVerificationError(error), "assertion refused");
  }
  if (!verification.verified) throw passkeyRefusalError("not_verified", "assertion not verified");
  const info = verification.authenticationInfo;
  const { count } = await getDb().passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(info.newCounter), backedUp: info.credentialBackedUp, lastUsedAt: new Date() },
  });
  if (count === 0) throw passkeyRefusalError("not_verified", "passkey counter moved during the assertion");
}

/** Refuses an answer signed for another origin before anything is looked up: the phishing case, named. */
function assertSignedHere(response: unknown): string | null {
  const party = passkeyRelyingParty();
  const clientDataJSON = (response as { response?: { clientDataJSON?: unknown } } | null)?.response
    ?.clientDataJSON;
  const signed = typeof clientDataJSON === "string" ? readClientData(clientDataJSON) : null;
  if (signed && party && signed.origin !== party.origin)
    throw passkeyRefusalError("wrong_site", `assertion signed for ${signed.origin}`);
  const id = (response as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}

const passkeyColumns = {
  id: true,
  userId: true,
  credentialId: true,
  publicKey: true,
  counter: true,
  transports: true,
} as const;

/**
 * The second sign-in step by passkey (called by the "second-factor" provider): the person's own passkey must
 * sign the challenge stored on their `second_factor` row by the options route. False for an answer that does
 * not verify (a wrong try, counted by the caller); the caller consumes the challenge on success. Throws
 * AppError when the step has expired or the answer was signed for another site.
 */
export async function verifyPasskeyForChallenge(options: {
  challengeId: string;
  userId: string;
  response: unknown;
}): Promise<boolean> {
  const challenge = await getDb().signInChallenge.findFirst({
    where: {
      id: options.challengeId,
      userId: options.userId,
      purpose: "second_factor",
      consumedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { webauthnChallenge: true, clientAddress: true },
  });
  if (!challenge?.webauthnChallenge)
    throw passkeyRefusalError("expired", "second step without a live passkey challenge");
  // A wrong try is recorded by the caller; an answer signed for another site is thrown, so it is recorded here.
  const recordWrongSite = () =>
    recordAuthEvent({
      kind: "second_factor_failed",
      userId: options.userId,
      method: "passkey",
      clientAddress: challenge.clientAddress,
      detail: { reason: "wrong_site" },
    });
  let credentialId;
  try {
    credentialId = assertSignedHere(options.response);
  } catch (error) {
    await recordWrongSite();
    throw error;
  }
  if (!credentialId) return false;
  const passkey = await getDb().passkey.findFirst({
    where: { credentialId, userId: options.userId },
    select: passkeyColumns,
  });
  if (!passkey) return false;
  try {
    // Possession is the second factor here; the password was the first.
    await verifyAssertion({
      passkey,
      response: options.response,
      expectedChallenge: challenge.webauthnChallenge,
      requireUserVerification: false,
    });
    return true;
  } catch (error) {
    if (isAppError(error) && (error.details as { reason?: string } | null)?.reason === "wrong_site") {
      await recordWrongSite();
      throw error;
    }
    if (isAppError(error)) return false;
    throw error;
  }
}

export type PasskeySignInResult =
  { ok: true; userId: string } | { ok: false; reason: PasskeyRefusal | "deactivated" };

/**
 * Signing in with a passkey alone: it must sign this browser's `passkey_sign_in` challenge (used up by this
 * one try, whatever the outcome) with user verification — the device's PIN or biometric is the second factor
 * beside possession. Deactivated people are refused. Failures are recorded in the audit.
 */
export async function signInWithPasskey(options: {
  challengeId: string | undefined;
  response: unknown;
  clientAddress: string;
  userAgent: string;
}): Promise<PasskeySignInResult> {
  let userId: string | null = null;
  const refuse = async (reason: PasskeyRefusal | "deactivated"): Promise<PasskeySignInResult> => {
    await recordAuthEvent({
      kind: "sign_in_failed",
      userId,
      method: "passkey",
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      detail: { reason },
    });
    return { ok: false, reason };
  };
  try {
    const challenge = options.challengeId
      ? await getDb().signInChallenge.findFirst({
          where: { id: options.challengeId, purpose: "passkey_sign_in" },
          select: { id: true, webauthnChallenge: true },
        })
      : null;
    if (!challenge?.webauthnChallenge) return await refuse("expired");
    const { count } = await getDb().signInChallenge.updateMany({
      where: { id: challenge.id, consumedAt: null, expiresAt: { gt: new Date() } },
      data: { consumedAt: new Date() },
    });
    if (count === 0) return await refuse("expired");
    const credentialId = assertSignedHere(options.response);
    const passkey = credentialId
      ? await getDb().passkey.findUnique({
          where: { credentialId },
          select: { ...passkeyColumns, user: { select: { active: true } } },
        })
      : null;
    if (!passkey) return await refuse("unknown_passkey");
    userId = passkey.userId;
    await verifyAssertion({
      passkey,
      response: options.response,
      expectedChallenge: challenge.webauthnChallenge,
      requireUserVerification: true,
    });
    if (!passkey.user.active) return await refuse("deactivated");
    return { ok: true, userId: passkey.userId };
  } catch (error) {
    const reason = (isAppError(error) ? (error.details as { reason?: unknown } | null)?.reason : null) as
      PasskeyRefusal | null | undefined;
    if (isAppError(error) && error.code === "validation_failed") return refuse("not_verified");
    if (reason) return refuse(reason);
    throw error;
  }
}
