import "server-only";

import { createHash } from "node:crypto";

import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { getSignInLimiters, isRateLimiterRes, signInLimitPolicy } from "@/lib/auth/sign-in-limits";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import {
  canSignDevices,
  deviceCookieMaxAgeSeconds,
  deviceCookieName,
  isSignedFor,
  parseDeviceCookie,
  serializeDeviceCookie,
  signDeviceEntry,
  type DeviceEntry,
} from "./device-cookie";

/** A device is remembered for a year after its last successful sign-in. */
const rememberForMs = deviceCookieMaxAgeSeconds * 1000;

type DeviceRow = {
  id: string;
  userId: string;
  lastUsedAt: Date;
  lockedUntil: Date | null;
  revokedAt: Date | null;
};

type Refusal = "tampered" | "expired" | "revoked" | "malformed";

type Audit = { email: string; clientAddress: string; userAgent: string };

async function rowsOf(entries: readonly DeviceEntry[]): Promise<Map<string, DeviceRow>> {
  if (entries.length === 0) return new Map();
  const rows = await getDb().rememberedDevice.findMany({
    where: { id: { in: entries.map((entry) => entry.deviceId) } },
    select: { id: true, userId: true, lastUsedAt: true, lockedUntil: true, revokedAt: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** What an entry is worth: the account it vouches for, or why it vouches for none. */
function judge(entry: DeviceEntry, row: DeviceRow | undefined, now: number) {
  if (!row) return { refused: "tampered" as const, row: undefined };
  if (!isSignedFor({ entry, userId: row.userId })) return { refused: "tampered" as const, row };
  if (row.revokedAt) return { refused: "revoked" as const, row };
  if (row.lastUsedAt.getTime() + rememberForMs < now) return { refused: "expired" as const, row };
  return { row };
}

/**
 * A refused device cookie is recorded (device_refused), but once an hour per cookie entry: a script replaying
 * one a thousand times must not write a thousand rows. The person is never told; the browser simply counts
 * as unknown.
 */
async function noteRefusal(options: Audit & { refused: Refusal; subject: string; userId: string | null }) {
  const key = createHash("sha256").update(`${options.refused}\n${options.subject}`).digest("hex");
  try {
    await getSignInLimiters().deviceNotice.consume(key);
  } catch (error) {
    if (isRateLimiterRes(error)) return;
    throw error;
  }
  logger.info("device cookie refused", { reason: options.refused, clientAddress: options.clientAddress });
  await recordAuthEvent({
    kind: "device_refused",
    userId: options.userId,
    email: options.email,
    method: "password",
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
    detail: { reason: options.refused },
  });
}

/**
 * The device this browser's cookie remembers for `userId`, when it is genuine, unrevoked, unexpired and not
 * locked; otherwise null, and the browser counts as unknown. Entries for the browser's other accounts are
 * simply not this account's.
 */
export async function findRememberedDevice(
  options: Audit & { cookie: string | undefined; userId: string },
): Promise<{ deviceId: string } | null> {
  const { entries, malformed } = parseDeviceCookie(options.cookie);
  if (malformed)
    await noteRefusal({ ...options, refused: "malformed", subject: options.cookie ?? "", userId: null });
  const rows = await rowsOf(entries);
  const now = Date.now();
  let found: { deviceId: string } | null = null;
  for (const entry of entries) {
    const verdict = judge(entry, rows.get(entry.deviceId), now);
    if (verdict.refused) {
      const userId = verdict.row?.userId ?? null;
      // Another account's worn-out entry is that account's business, not this sign-in's.
      if (userId === null || userId === options.userId)
        await noteRefusal({ ...options, refused: verdict.refused, subject: entry.deviceId, userId });
      continue;
    }
    if (verdict.row.userId !== options.userId) continue;
    // A locked device was recorded when it locked; until then it is an unknown browser.
    if (verdict.row.lockedUntil && verdict.row.lockedUntil.getTime() > now) continue;
    found = { deviceId: entry.deviceId };
  }
  return found;
}

/**
 * Counts an attempt against the device before its password is checked (so parallel guesses cannot slip past
 * the limit): false when the device is locked or revoked meanwhile.
 */
export async function claimDeviceAttempt(options: { deviceId: string }): Promise<boolean> {
  const rows = await getDb().$queryRaw<{ failures: number }[]>`
    UPDATE remembered_devices SET failures = failures + 1
    WHERE id = ${options.deviceId}::uuid AND revoked_at IS NULL
      AND (locked_until IS NULL OR locked_until <= now())
      AND failures < ${signInLimitPolicy.device.failures}
    RETURNING failures`;
  return rows.length === 1;
}

/** An attempt that never reached the password check (hashing at capacity) gives its count back. */
export async function giveBackDeviceAttempt(options: { deviceId: string }): Promise<void> {
  await getDb().$executeRaw`
    UPDATE remembered_devices SET failures = greatest(failures - 1, 0) WHERE id = ${options.deviceId}::uuid`;
}

/** The right password: the device's count starts again. */
export async function clearDeviceFailures(options: { deviceId: string }): Promise<void> {
  await getDb().rememberedDevice.update({
    where: { id: options.deviceId },
    data: { failures: 0, lockedUntil: null },
  });
}

/**
 * A wrong password from a remembered device. At the limit the device is locked for an hour (recorded once,
 * device_refused); meanwhile the browser signs in under the per-address limits like any other.
 */
export async function deviceAttemptFailed(
  options: Audit & { deviceId: string; userId: string },
): Promise<void> {
  const { failures, lockSeconds } = signInLimitPolicy.device;
  const locked = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE remembered_devices
    SET locked_until = now() + make_interval(secs => ${lockSeconds}), failures = 0
    WHERE id = ${options.deviceId}::uuid AND failures >= ${failures}
    RETURNING id`;
  if (locked.length === 0) return;
  logger.warn("remembered device locked", {
    deviceId: options.deviceId,
    clientAddress: options.clientAddress,
  });
  await recordAuthEvent({
    kind: "device_refused",
    userId: options.userId,
    email: options.email,
    method: "password",
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
    detail: { reason: "locked", deviceId: options.deviceId, failures, lockedForSeconds: lockSeconds },
  });
}

/**
 * After a successful sign-in (any way in): this browser becomes, or stays, a remembered device of the
 * account. Its entry moves to the front of the cookie; entries that no longer vouch for anyone are dropped.
 */
export async function rememberDevice(options: { jar: AuthCookieJar; userId: string }): Promise<void> {
  if (!canSignDevices()) {
    logger.warn("no NEXTAUTH_SECRET: browsers are not remembered as devices");
    return;
  }
  const name = deviceCookieName();
  const { entries } = parseDeviceCookie(options.jar.read(name));
  const rows = await rowsOf(entries);
  const now = Date.now();
  const kept = entries.filter((entry) => !judge(entry, rows.get(entry.deviceId), now).refused);
  const mine = kept.find((entry) => rows.get(entry.deviceId)?.userId === options.userId);
  let entry: DeviceEntry;
  if (mine) {
    await getDb().rememberedDevice.update({
      where: { id: mine.deviceId },
      data: { lastUsedAt: new Date(), failures: 0, lockedUntil: null },
    });
    entry = mine;
  } else {
    const row = await getDb().rememberedDevice.create({
      data: { userId: options.userId },
      select: { id: true },
    });
    entry = signDeviceEntry({ deviceId: row.id, userId: options.userId });
  }
  const others = kept.filter((other) => other.deviceId !== entry.deviceId);
  options.jar.set(name, serializeDeviceCookie([entry, ...others]), {
    maxAgeSeconds: deviceCookieMaxAgeSeconds,
  });
}
