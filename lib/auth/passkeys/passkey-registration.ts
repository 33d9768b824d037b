import "server-only";

import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from "@simplewebauthn/server";

import type { Actor } from "@/lib/auth/actor";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { assertCan } from "@/lib/auth/permissions";
import { replaceRecoveryCodes } from "@/lib/auth/second-factor/recovery-codes";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";

import { AddPasskeyInput } from "./passkey-input";
import { passkeyRefusalError, readClientData, refusalOfVerificationError } from "./passkey-refusals";
import { requirePasskeyRelyingParty } from "./relying-party";

/** How long the browser's prompt may stay open before the desk forgets the ceremony. */
export const passkeyCeremonySeconds = 300;

/** The WebAuthn user handle: the person's id as its 16 bytes, the same on every passkey of theirs. */
export function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replaceAll("-", ""), "hex"));
}

/**
 * Starts adding a passkey for the signed-in person: the options their browser needs, and the challenge kept in
 * a `passkey_registration` row bound to them, to be used once.
 */
export async function startPasskeyRegistration(options: {
  actor: Actor;
  requestOrigin: string | null;
  clientAddress: string;
}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const party = requirePasskeyRelyingParty({ requestOrigin: options.requestOrigin });
  const existing = await getDb().passkey.findMany({
    where: { userId: options.actor.userId },
    select: { credentialId: true, transports: true },
  });
  const creation = await generateRegistrationOptions({
    rpName: party.name,
    rpID: party.id,
    userName: options.actor.email,
    userDisplayName: options.actor.name,
    userID: userHandleOf(options.actor.userId),
    timeout: passkeyCeremonySeconds * 1000,
    attestationType: "none",
    // The same authenticator twice would be one factor counted as two.
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports,
    })),
    // Discoverable, so the passkey can sign in without a password; user verification is asked for at sign-in.
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  await getDb().signInChallenge.create({
    data: {
      purpose: "passkey_registration",
      userId: options.actor.userId,
      webauthnChallenge: creation.challenge,
      clientAddress: options.clientAddress,
      expiresAt: new Date(Date.now() + passkeyCeremonySeconds * 1000),
    },
  });
  return creation;
}

/**
 * Finishes adding a passkey: the browser's answer must sign a registration challenge this person started, not
 * yet used and not expired, on this desk's origin. The challenge is used up whatever the outcome.
 */
export async function finishPasskeyRegistration(options: {
  actor: Actor;
  /** Checked here: the name typed and the browser's answer, as they arrived. */
  input: { name: unknown; response: unknown };
  clientAddress: string;
  userAgent: string;
}): Promise<{ id: string; name: string; recoveryCodes: string[] | null }> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const input = parseInput({ schema: AddPasskeyInput, input: options.input });
  const party = requirePasskeyRelyingParty({ requestOrigin: null });
  const signed = readClientData(input.response.response.clientDataJSON);
  if (!signed) throw passkeyRefusalError("not_verified", "registration without readable clientDataJSON");
  const challenge = await getDb().signInChallenge.findFirst({
    where: {
      userId: options.actor.userId,
      purpose: "passkey_registration",
      webauthnChallenge: signed.challenge,
    },
    select: { id: true, expiresAt: true },
  });
  if (!challenge) throw passkeyRefusalError("expired", "registration for a challenge not started here");
  // Used once: a second answer to the same challenge (a replay, a double click) finds it consumed.
  const { count } = await getDb().signInChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null, expiresAt: { gt: new Date() } },
    data: { consumedAt: new Date() },
  });
  if (count === 0) throw passkeyRefusalError("expired", "registration challenge consumed or expired");

  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: signed.challenge,
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      requireUserVerification: false,
    });
  } catch (error) {
    logger.warn("passkey registration refused", { userId: options.actor.userId, error });
    throw passkeyRefusalError(refusalOfVerificationError(error), "registration response refused");
  }
  if (!verification.verified) throw passkeyRefusalError("not_verified", "registration response not verified");
  const info = verification.registrationInfo;

  const taken = await getDb().passkey.findUnique({
    where: { credentialId: info.credential.id },
    select: { id: true },
  });
  if (taken)
    throw new AppError({
      code: "conflict",
      message: "passkey already registered",
      userMessage: "This passkey is already registered on this desk.",
    });
  return getDb().$transaction(async (tx) => {
    const passkey = await tx.passkey.create({
      data: {
        userId: options.actor.userId,
        credentialId: info.credential.id,
        publicKey: info.credential.publicKey,
        counter: BigInt(info.credential.counter),
        transports: info.credential.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name: input.name,
      },
      select: { id: true, name: true },
    });
    const where = { clientAddress: options.clientAddress, userAgent: options.userAgent, tx };
    await recordAuthEvent({
      kind: "factor_added",
      userId: options.actor.userId,
      method: "passkey",
      detail: { passkeyId: passkey.id, name: passkey.name },
      ...where,
    });
    // A first factor brings recovery codes, whichever kind it is (as with an authenticator app), shown once.
    const unused = await tx.recoveryCode.count({ where: { userId: options.actor.userId, usedAt: null } });
    const recoveryCodes =
      unused === 0 ? await replaceRecoveryCodes({ userId: options.actor.userId, tx }) : null;
    if (recoveryCodes)
      await recordAuthEvent({
        kind: "recovery_codes_created",
        userId: options.actor.userId,
        detail: { count: recoveryCodes.length },
        ...where,
      });
    return { ...passkey, recoveryCodes };
  });
}
