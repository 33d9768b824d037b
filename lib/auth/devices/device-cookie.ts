import "server-only";

import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

import { authCookieName } from "@/lib/auth/auth-cookies";
import { getEnv } from "@/lib/env";

/**
 * The remembered-device cookie (OWASP's device cookie): one cookie per browser holding one entry per account
 * that signed in there, most recent first, each `<device id>.<signature>`. The id names a RememberedDevice row
 * (the nonce); the signature is an HMAC of the id and the account's user id with a key derived from the app's
 * secret, so an entry cannot be made up or moved to another account. No email or user id is in the cookie.
 * Five accounts at most (about 300 bytes): a shared desk machine keeps its regulars.
 */
export const deviceCookieBase = "copydesk-device";
export const deviceCookieMaxAgeSeconds = 365 * 24 * 60 * 60;
export const maxRememberedAccounts = 5;

export type DeviceEntry = { deviceId: string; signature: string };

const entryPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{22})$/;

/** Secure (and __Host-) exactly when the auth route makes its jar secure: the configured address is https. */
export function deviceCookieName(): string {
  return authCookieName({
    base: deviceCookieBase,
    secure: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
}

let derived: { secret: string; key: Buffer } | undefined;

/** A key of its own for device cookies (HKDF of NEXTAUTH_SECRET), or null where no secret is configured. */
function deviceKey(): Buffer | null {
  const secret = getEnv().NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  if (derived?.secret !== secret) {
    const key = Buffer.from(hkdfSync("sha256", secret, "copydesk", "remembered-device-cookie", 32));
    derived = { secret, key };
  }
  return derived.key;
}

export function canSignDevices(): boolean {
  return deviceKey() !== null;
}

function signatureOf(options: { deviceId: string; userId: string; key: Buffer }): string {
  // 128 bits of the HMAC: unguessable, and keeps the cookie small.
  return createHmac("sha256", options.key)
    .update(`device\n${options.deviceId}\n${options.userId}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

export function signDeviceEntry(options: { deviceId: string; userId: string }): DeviceEntry {
  const key = deviceKey();
  if (!key) throw new Error("no NEXTAUTH_SECRET to sign a device cookie with");
  return { deviceId: options.deviceId, signature: signatureOf({ ...options, key }) };
}

/** Whether the entry was signed by this installation for this device and account. */
export function isSignedFor(options: { entry: DeviceEntry; userId: string }): boolean {
  const key = deviceKey();
  if (!key) return false;
  const expected = Buffer.from(
    signatureOf({ deviceId: options.entry.deviceId, userId: options.userId, key }),
  );
  const given = Buffer.from(options.entry.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The entries of a cookie value; anything that is not an entry is dropped (`malformed` says so). */
export function parseDeviceCookie(value: string | undefined): { entries: DeviceEntry[]; malformed: boolean } {
  if (!value) return { entries: [], malformed: false };
  const parts = value.split("~");
  const entries: DeviceEntry[] = [];
  let malformed = parts.length > maxRememberedAccounts;
  for (const part of parts.slice(0, maxRememberedAccounts)) {
    const match = entryPattern.exec(part);
    if (!match) malformed = true;
    else if (!entries.some((entry) => entry.deviceId === match[1]))
      entries.push({ deviceId: match[1]!, signature: match[2]! });
  }
  return { entries, malformed };
}

export function serializeDeviceCookie(entries: readonly DeviceEntry[]): string {
  return entries
    .slice(0, maxRememberedAccounts)
    .map((entry) => `${entry.deviceId}.${entry.signature}`)
    .join("~");
}
