import "server-only";

import { z } from "zod";

import { authCookieName, type AuthCookieJar } from "@/lib/auth/auth-cookies";
import { getDb } from "@/lib/db/client";
import type { SignInChallengePurpose } from "@/lib/db/generated/enums";
import { getEnv } from "@/lib/env";

/** A sign-in step in progress lives five minutes: long enough to find a phone, short enough to go stale. */
export const challengeLifetimeSeconds = 5 * 60;
/** Wrong codes allowed per challenge; then the person starts again from the password. */
export const challengeMaxWrongTries = 5;

export type LiveChallenge = {
  id: string;
  purpose: SignInChallengePurpose;
  userId: string | null;
  webauthnChallenge: string | null;
  failedAttempts: number;
};

const ChallengeIdInput = z.uuid();

/** The HttpOnly cookie carrying the challenge id between the steps (`__Host-` prefixed on https). */
export function challengeCookieName(): string {
  return authCookieName({
    base: "copydesk-sign-in",
    secure: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
}

/** Opens a challenge and puts its id in the cookie. */
export async function createSignInChallenge(options: {
  purpose: SignInChallengePurpose;
  userId?: string;
  clientAddress: string;
  webauthnChallenge?: string;
  jar?: AuthCookieJar;
}): Promise<{ id: string }> {
  const row = await getDb().signInChallenge.create({
    data: {
      purpose: options.purpose,
      userId: options.userId ?? null,
      clientAddress: options.clientAddress.slice(0, 64),
      webauthnChallenge: options.webauthnChallenge ?? null,
      expiresAt: new Date(Date.now() + challengeLifetimeSeconds * 1000),
    },
    select: { id: true },
  });
  options.jar?.set(challengeCookieName(), row.id, { maxAgeSeconds: challengeLifetimeSeconds });
  return row;
}

/** The challenge id the browser carries, if it looks like one. */
export function challengeIdFromJar(jar: Pick<AuthCookieJar, "read"> | undefined): string | null {
  const value = jar?.read(challengeCookieName());
  return value && ChallengeIdInput.safeParse(value).success ? value : null;
}

/** A challenge of this purpose that is neither consumed, expired nor out of tries; otherwise null. */
export async function findLiveChallenge(options: {
  id: string | null;
  purpose: SignInChallengePurpose;
}): Promise<LiveChallenge | null> {
  if (!options.id || !ChallengeIdInput.safeParse(options.id).success) return null;
  const row = await getDb().signInChallenge.findFirst({
    where: {
      id: options.id,
      purpose: options.purpose,
      consumedAt: null,
      expiresAt: { gt: new Date() },
      failedAttempts: { lt: challengeMaxWrongTries },
    },
    select: { id: true, purpose: true, userId: true, webauthnChallenge: true, failedAttempts: true },
  });
  return row;
}

/** Stores the WebAuthn challenge a passkey ceremony signs (passkey options route). */
export async function attachWebauthnChallenge(options: {
  id: string;
  webauthnChallenge: string;
}): Promise<boolean> {
  const { count } = await getDb().signInChallenge.updateMany({
    where: { id: options.id, consumedAt: null, expiresAt: { gt: new Date() } },
    data: { webauthnChallenge: options.webauthnChallenge },
  });
  return count === 1;
}

/**
 * Counts a wrong answer; the fifth consumes the challenge. Returns the tries left (0: start again).
 */
export async function recordWrongTry(options: { id: string }): Promise<number> {
  const row = await getDb().signInChallenge.update({
    where: { id: options.id },
    data: { failedAttempts: { increment: 1 } },
    select: { failedAttempts: true },
  });
  if (row.failedAttempts >= challengeMaxWrongTries) {
    await getDb().signInChallenge.updateMany({
      where: { id: options.id, consumedAt: null },
      data: { consumedAt: new Date() },
    });
    return 0;
  }
  return challengeMaxWrongTries - row.failedAttempts;
}

/**
 * Uses the challenge up, once: of two requests racing with the same cookie, only one gets true.
 */
export async function consumeChallenge(options: { id: string }): Promise<boolean> {
  const { count } = await getDb().signInChallenge.updateMany({
    where: {
      id: options.id,
      consumedAt: null,
      expiresAt: { gt: new Date() },
      failedAttempts: { lt: challengeMaxWrongTries },
    },
    data: { consumedAt: new Date() },
  });
  return count === 1;
}
