import { parse } from "cookie";
import { beforeAll, describe, expect, it } from "vitest";

import { createAuthCookieJar } from "@/lib/auth/auth-cookies";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signInLimitPolicy } from "@/lib/auth/sign-in-limits";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";

import { deviceCookieBase, parseDeviceCookie } from "./device-cookie";

const password = "a long enough password";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "device-cookie-test-secret-0123456789abcdef";
});

/** Signs in through completeSignIn, as every way in does, and returns the device cookie the browser keeps. */
async function signInOnce(options: { userId: string; cookie?: string }): Promise<string> {
  const jar = createAuthCookieJar({
    cookieHeader: options.cookie ? `${deviceCookieBase}=${options.cookie}` : null,
    secure: false,
  });
  await completeSignIn({
    userId: options.userId,
    method: "password",
    clientAddress: "192.0.2.1",
    userAgent: "test",
    jar,
  });
  const setCookie = jar.applyTo(new Response(null)).headers.get("set-cookie") ?? "";
  const value = parse(setCookie)[deviceCookieBase];
  expect(value).toBeTruthy();
  return value!;
}

/** Failed sign-ins from one address, spread over unknown emails (as a script spraying the newsroom would). */
async function sprayFailures(options: { clientAddress: string; times: number }) {
  for (let attempt = 0; attempt < options.times; attempt += 1) {
    await signInWithPassword({
      email: `nobody-${attempt}@example.test`,
      password: "wrong password!",
      clientAddress: options.clientAddress,
    });
  }
}

function withSignature(cookie: string, signature: string): string {
  return cookie.replace(/\.[A-Za-z0-9_-]{22}$/, `.${signature}`);
}

async function deviceRefusals(userId: string | null, reason: string) {
  const events = await getDb().authEvent.findMany({ where: { kind: "device_refused", userId } });
  return events.filter((event) => (event.detail as { reason?: string }).reason === reason);
}

describe("remembered devices", () => {
  // Guards the lockout by neighbours (issue 23): one script at the office address locked everyone out.
  it("lets a remembered browser sign in at an address locked by 60 failures; an unknown browser waits", async () => {
    const editor = await createTestActor({ role: "editor" });
    const cookie = await signInOnce({ userId: editor.userId });
    const office = "203.0.113.60";
    await sprayFailures({ clientAddress: office, times: 60 });

    expect(await signInWithPassword({ email: editor.email, password, clientAddress: office })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(
      await signInWithPassword({
        email: editor.email,
        password,
        clientAddress: office,
        deviceCookie: cookie,
      }),
    ).toEqual({ ok: true, userId: editor.userId });
  });

  it("records every failed password sign-in with its email, address and reason", async () => {
    const editor = await createTestActor({ role: "editor" });
    await signInWithPassword({
      email: editor.email,
      password: "not it at all",
      clientAddress: "203.0.113.7",
    });
    await signInWithPassword({
      email: "ghost@example.test",
      password: "nope nope",
      clientAddress: "203.0.113.7",
    });
    const events = await getDb().authEvent.findMany({
      where: { kind: "sign_in_failed", clientAddress: "203.0.113.7" },
      orderBy: { id: "asc" },
    });
    expect(
      events.map((event) => [event.userId, event.email, (event.detail as { reason: string }).reason]),
    ).toEqual([
      [editor.userId, editor.email, "invalid"],
      [null, "ghost@example.test", "invalid"],
    ]);
  });

  it("treats a tampered cookie as no cookie, and records it once however often it is replayed", async () => {
    const editor = await createTestActor({ role: "editor" });
    const cookie = await signInOnce({ userId: editor.userId });
    const tampered = withSignature(cookie, "A".repeat(22));
    const address = "203.0.113.61";
    await sprayFailures({ clientAddress: address, times: signInLimitPolicy.address.points });
    for (let replay = 0; replay < 3; replay += 1) {
      expect(
        await signInWithPassword({
          email: editor.email,
          password,
          clientAddress: address,
          deviceCookie: tampered,
        }),
      ).toMatchObject({ ok: false, reason: "locked" });
    }
    expect(await deviceRefusals(editor.userId, "tampered")).toHaveLength(1);
    // Garbage in the cookie is no error to the person either.
    expect(
      await signInWithPassword({
        email: editor.email,
        password,
        clientAddress: "203.0.113.62",
        deviceCookie: "<script>~x.y",
      }),
    ).toEqual({ ok: true, userId: editor.userId });
    expect(await deviceRefusals(null, "malformed")).toHaveLength(1);
  });

  it("treats an expired or revoked device as an unknown browser", async () => {
    const editor = await createTestActor({ role: "editor" });
    const expired = await signInOnce({ userId: editor.userId });
    const revoked = await signInOnce({ userId: editor.userId });
    const [expiredEntry] = parseDeviceCookie(expired).entries;
    const [revokedEntry] = parseDeviceCookie(revoked).entries;
    await getDb().rememberedDevice.update({
      where: { id: expiredEntry!.deviceId },
      data: { lastUsedAt: new Date(Date.now() - 366 * 24 * 60 * 60 * 1000) },
    });
    await getDb().rememberedDevice.update({
      where: { id: revokedEntry!.deviceId },
      data: { revokedAt: new Date() },
    });
    const address = "203.0.113.63";
    await sprayFailures({ clientAddress: address, times: signInLimitPolicy.address.points });
    for (const deviceCookie of [expired, revoked]) {
      expect(
        await signInWithPassword({ email: editor.email, password, clientAddress: address, deviceCookie }),
      ).toMatchObject({ ok: false, reason: "locked" });
    }
    expect(await deviceRefusals(editor.userId, "expired")).toHaveLength(1);
    expect(await deviceRefusals(editor.userId, "revoked")).toHaveLength(1);
  });

  it("does not let one account's device cookie exempt another account", async () => {
    const reporter = await createTestActor({ role: "contributor" });
    const editor = await createTestActor({ role: "editor" });
    const reportersCookie = await signInOnce({ userId: reporter.userId });
    const address = "203.0.113.64";
    await sprayFailures({ clientAddress: address, times: signInLimitPolicy.address.points });
    expect(
      await signInWithPassword({
        email: editor.email,
        password,
        clientAddress: address,
        deviceCookie: reportersCookie,
      }),
    ).toMatchObject({ ok: false, reason: "locked" });
    // A shared browser is no tampering: nothing is recorded against either account.
    expect(
      await getDb().authEvent.count({
        where: { kind: "device_refused", OR: [{ userId: reporter.userId }, { userId: editor.userId }] },
      }),
    ).toBe(0);
  });

  it("keeps one entry per account in one cookie, and reuses it on the next sign-in", async () => {
    const first = await createTestActor({ role: "editor" });
    const second = await createTestActor({ role: "editor" });
    const one = await signInOnce({ userId: first.userId });
    const both = await signInOnce({ userId: second.userId, cookie: one });
    const again = await signInOnce({ userId: first.userId, cookie: both });
    const ids = (value: string) => parseDeviceCookie(value).entries.map((entry) => entry.deviceId);
    expect(ids(both)).toEqual([ids(both)[0], ids(one)[0]]);
    expect(ids(again)).toEqual([ids(one)[0], ids(both)[0]]);
    expect(await getDb().rememberedDevice.count({ where: { userId: first.userId } })).toBe(1);
    const address = "203.0.113.65";
    await sprayFailures({ clientAddress: address, times: signInLimitPolicy.address.points });
    for (const person of [first, second]) {
      expect(
        await signInWithPassword({
          email: person.email,
          password,
          clientAddress: address,
          deviceCookie: again,
        }),
      ).toEqual({ ok: true, userId: person.userId });
    }
  });

  it("locks a remembered device after 10 failures, for an hour, and records it once", async () => {
    const editor = await createTestActor({ role: "editor" });
    const cookie = await signInOnce({ userId: editor.userId });
    const address = "203.0.113.66";
    await sprayFailures({ clientAddress: address, times: signInLimitPolicy.address.points });
    // A remembered device is not slowed per account and address: ten wrong passwords in a row are answered.
    for (let attempt = 0; attempt < signInLimitPolicy.device.failures; attempt += 1) {
      expect(
        await signInWithPassword({
          email: editor.email,
          password: "still not the password",
          clientAddress: address,
          deviceCookie: cookie,
        }),
      ).toEqual({ ok: false, reason: "invalid" });
    }
    // Locked: the browser is now unknown, and this address is locked out.
    expect(
      await signInWithPassword({
        email: editor.email,
        password,
        clientAddress: address,
        deviceCookie: cookie,
      }),
    ).toMatchObject({ ok: false, reason: "locked" });
    const [locked] = await deviceRefusals(editor.userId, "locked");
    expect(locked?.clientAddress).toBe(address);
    expect(await deviceRefusals(editor.userId, "locked")).toHaveLength(1);
    const [entry] = parseDeviceCookie(cookie).entries;
    const row = await getDb().rememberedDevice.findUniqueOrThrow({ where: { id: entry!.deviceId } });
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);

    // When the hour is over, the device is remembered again.
    await getDb().rememberedDevice.update({
      where: { id: row.id },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    expect(
      await signInWithPassword({
        email: editor.email,
        password,
        clientAddress: address,
        deviceCookie: cookie,
      }),
    ).toEqual({ ok: true, userId: editor.userId });
  });
});
