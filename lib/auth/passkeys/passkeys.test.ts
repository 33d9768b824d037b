import { describe, expect, it, vi } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { AuthCookieJar } from "@/lib/auth/auth-cookies";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { createTestActor } from "@/lib/auth/test-actors";
import { deactivateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

import { listOwnPasskeys, removeOwnPasskey, renameOwnPasskey } from "./own-passkeys";
import { signInWithPasskey, verifyPasskeyForChallenge } from "./passkey-assertion";
import { passkeyRefusalMessages } from "./passkey-refusals";
import { finishPasskeyRegistration, startPasskeyRegistration } from "./passkey-registration";
import { passkeySignInOptions } from "./passkey-sign-in-options";
import { SoftwareAuthenticator } from "./software-authenticator";

vi.hoisted(() => {
  process.env.NEXTAUTH_URL = "https://desk.example.test";
});

const desk = "https://desk.example.test";
const cookie = "__Host-copydesk-sign-in";
const at = { clientAddress: "198.51.100.7", userAgent: "Vitest" };

/** The sign-in cookie as a browser would keep it between requests. */
function browserJar(): AuthCookieJar & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  return {
    cookies,
    read: (name) => cookies.get(name),
    set: (name, value) => void cookies.set(name, value),
    clear: (name) => void cookies.delete(name),
    applyTo: (response) => response,
  };
}

let seed = 0;
async function addPasskey(actor: Actor, name = "Laptop") {
  const authenticator = new SoftwareAuthenticator({ seed: `passkeys test ${(seed += 1)}` });
  const options = await startPasskeyRegistration({ actor, requestOrigin: desk, ...at });
  const added = await finishPasskeyRegistration({
    actor,
    input: { name, response: authenticator.register(options) },
    ...at,
  });
  return { authenticator, added };
}

async function passkeySignIn(
  authenticator: SoftwareAuthenticator,
  how: Parameters<SoftwareAuthenticator["authenticate"]>[1] = {},
) {
  const jar = browserJar();
  const { options, step } = await passkeySignInOptions({
    jar,
    input: {},
    requestOrigin: desk,
    clientAddress: at.clientAddress,
  });
  expect(step).toBe("passkey_sign_in");
  const response = authenticator.authenticate(options, how);
  const challengeId = jar.cookies.get(cookie);
  return { response, challengeId, result: await signInWithPasskey({ challengeId, response, ...at }) };
}

describe("adding a passkey", () => {
  it("stores the passkey of a ceremony this person started, and records it", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { added } = await addPasskey(editor, "Passkey on Chrome, Linux");
    expect(await listOwnPasskeys({ actor: editor })).toMatchObject([
      { id: added.id, name: "Passkey on Chrome, Linux", lastUsedAt: null },
    ]);
    const events = await getDb().authEvent.findMany({
      where: { userId: editor.userId },
      orderBy: { id: "asc" },
    });
    expect(events).toMatchObject([
      { kind: "factor_added", method: "passkey", clientAddress: at.clientAddress },
      { kind: "recovery_codes_created", clientAddress: at.clientAddress },
    ]);
  });

  // Guards issue 23: a person whose first factor was a passkey had no recovery codes, and no way back in.
  it("gives a first factor's recovery codes once, with the first passkey only", async () => {
    const editor = await createTestActor({ role: "editor" });
    const first = await addPasskey(editor, "Laptop");
    expect(first.added.recoveryCodes).toHaveLength(10);
    const second = await addPasskey(editor, "Phone");
    expect(second.added.recoveryCodes).toBeNull();
    expect(await getDb().recoveryCode.count({ where: { userId: editor.userId, usedAt: null } })).toBe(10);
  });

  it("refuses a passkey made at another site, and stores nothing", async () => {
    const editor = await createTestActor({ role: "editor" });
    const options = await startPasskeyRegistration({ actor: editor, requestOrigin: desk, ...at });
    const response = new SoftwareAuthenticator({ seed: "phished" }).register(options, {
      origin: "https://desk-example.test",
    });
    await expect(
      finishPasskeyRegistration({ actor: editor, input: { name: "Mine", response }, ...at }),
    ).rejects.toMatchObject({
      userMessage: passkeyRefusalMessages.wrong_site,
    });
    expect(await listOwnPasskeys({ actor: editor })).toEqual([]);
  });

  it("accepts a ceremony's answer once: a replay finds the challenge used", async () => {
    const editor = await createTestActor({ role: "editor" });
    const options = await startPasskeyRegistration({ actor: editor, requestOrigin: desk, ...at });
    const response = new SoftwareAuthenticator({ seed: "twice" }).register(options);
    await finishPasskeyRegistration({ actor: editor, input: { name: "Once", response }, ...at });
    await expect(
      finishPasskeyRegistration({ actor: editor, input: { name: "Twice", response }, ...at }),
    ).rejects.toMatchObject({
      userMessage: passkeyRefusalMessages.expired,
    });
    expect(await listOwnPasskeys({ actor: editor })).toHaveLength(1);
  });

  it("refuses an expired ceremony and one another person started", async () => {
    const editor = await createTestActor({ role: "editor" });
    const other = await createTestActor({ role: "editor" });
    const options = await startPasskeyRegistration({ actor: editor, requestOrigin: desk, ...at });
    const response = new SoftwareAuthenticator({ seed: "late" }).register(options);
    await expect(
      finishPasskeyRegistration({ actor: other, input: { name: "Theirs", response }, ...at }),
    ).rejects.toMatchObject({
      userMessage: passkeyRefusalMessages.expired,
    });
    await getDb().signInChallenge.updateMany({
      where: { userId: editor.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      finishPasskeyRegistration({ actor: editor, input: { name: "Late", response }, ...at }),
    ).rejects.toMatchObject({
      userMessage: passkeyRefusalMessages.expired,
    });
    expect(await getDb().passkey.count({ where: { userId: { in: [editor.userId, other.userId] } } })).toBe(0);
  });

  it("sends a browser at another address of the desk to the configured one", async () => {
    const editor = await createTestActor({ role: "editor" });
    await expect(
      startPasskeyRegistration({ actor: editor, requestOrigin: "http://127.0.0.1:3000", ...at }),
    ).rejects.toMatchObject({
      userMessage: expect.stringContaining(`only at the desk's own address, ${desk}`),
    });
  });
});

describe("signing in with a passkey alone", () => {
  it("signs the person in, moves the counter on and notes when it was used", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator, added } = await addPasskey(editor);
    const { result } = await passkeySignIn(authenticator);
    expect(result).toEqual({ ok: true, userId: editor.userId });
    const stored = await getDb().passkey.findUniqueOrThrow({ where: { id: added.id } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("refuses an answer signed for another site (a look-alike relaying the prompt) and records it", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    const { result } = await passkeySignIn(authenticator, {
      origin: "https://desk.example.test.evil.example",
    });
    expect(result).toEqual({ ok: false, reason: "wrong_site" });
    const failed = await getDb().authEvent.findFirst({
      where: { kind: "sign_in_failed", method: "passkey" },
      orderBy: { id: "desc" },
    });
    expect(failed?.detail).toEqual({ reason: "wrong_site" });
  });

  it("refuses a passkey made for another relying party", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    const { result } = await passkeySignIn(authenticator, { rpId: "example.test" });
    expect(result).toEqual({ ok: false, reason: "wrong_site" });
  });

  it("accepts a challenge once: replaying the same answer is refused", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    const { response, challengeId, result } = await passkeySignIn(authenticator);
    expect(result.ok).toBe(true);
    expect(await signInWithPasskey({ challengeId, response, ...at })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses an expired challenge", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    const jar = browserJar();
    const { options } = await passkeySignInOptions({
      jar,
      input: {},
      requestOrigin: desk,
      clientAddress: at.clientAddress,
    });
    const challengeId = jar.cookies.get(cookie)!;
    await getDb().signInChallenge.update({
      where: { id: challengeId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      await signInWithPasskey({ challengeId, response: authenticator.authenticate(options), ...at }),
    ).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("requires user verification (the device's PIN or biometric)", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    expect((await passkeySignIn(authenticator, { userVerified: false })).result).toEqual({
      ok: false,
      reason: "not_verified",
    });
  });

  it("refuses a passkey it does not know, and a deactivated person's", async () => {
    const stranger = new SoftwareAuthenticator({ seed: "never registered" });
    expect((await passkeySignIn(stranger)).result).toEqual({ ok: false, reason: "unknown_passkey" });
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    await deactivateUser({ userId: editor.userId, actor: "system" });
    expect((await passkeySignIn(authenticator)).result).toEqual({ ok: false, reason: "deactivated" });
  });
});

describe("a passkey as the second step after the password", () => {
  async function secondStep(userId: string) {
    const step = await getDb().signInChallenge.create({
      data: { purpose: "second_factor", userId, expiresAt: new Date(Date.now() + 300_000) },
    });
    const jar = browserJar();
    jar.cookies.set(cookie, step.id);
    const { options, step: kind } = await passkeySignInOptions({
      jar,
      input: {},
      requestOrigin: desk,
      clientAddress: at.clientAddress,
    });
    expect(kind).toBe("second_factor");
    return { challengeId: step.id, options };
  }

  it("offers only the person's own passkeys and accepts one of them", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    const { challengeId, options } = await secondStep(editor.userId);
    expect(options.allowCredentials?.map((credential) => credential.id)).toEqual([
      authenticator.credentialId,
    ]);
    const response = authenticator.authenticate(options, { userVerified: false });
    expect(await verifyPasskeyForChallenge({ challengeId, userId: editor.userId, response })).toBe(true);
  });

  it("does not take someone else's passkey, and refuses one signed for another site", async () => {
    const editor = await createTestActor({ role: "editor" });
    const colleague = await createTestActor({ role: "editor" });
    await addPasskey(editor);
    const { authenticator: theirs } = await addPasskey(colleague);
    const { challengeId, options } = await secondStep(editor.userId);
    expect(
      await verifyPasskeyForChallenge({
        challengeId,
        userId: editor.userId,
        response: theirs.authenticate(options),
      }),
    ).toBe(false);
    const { authenticator: mine } = await addPasskey(editor, "Second");
    await expect(
      verifyPasskeyForChallenge({
        challengeId,
        userId: editor.userId,
        response: mine.authenticate(options, { origin: "https://evil.example" }),
      }),
    ).rejects.toMatchObject({ userMessage: passkeyRefusalMessages.wrong_site });
    const failed = await getDb().authEvent.findFirst({
      where: { userId: editor.userId, kind: "second_factor_failed" },
    });
    expect(failed).toMatchObject({ method: "passkey", detail: { reason: "wrong_site" } });
  });

  it("refuses a passkey once the step is used up (a replay after a successful sign-in)", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { authenticator } = await addPasskey(editor);
    const { challengeId, options } = await secondStep(editor.userId);
    const response = authenticator.authenticate(options);
    expect(await verifyPasskeyForChallenge({ challengeId, userId: editor.userId, response })).toBe(true);
    await getDb().signInChallenge.update({ where: { id: challengeId }, data: { consumedAt: new Date() } });
    await expect(
      verifyPasskeyForChallenge({ challengeId, userId: editor.userId, response }),
    ).rejects.toMatchObject({ userMessage: passkeyRefusalMessages.expired });
  });

  it("gives each refusal its own sentence on the sign-in page, and nothing for made-up codes", () => {
    expect(signInErrorMessage({ code: "passkey-wrong_site" })).toBe(passkeyRefusalMessages.wrong_site);
    expect(signInErrorMessage({ code: "passkey-unknown_passkey" })).toBe(
      passkeyRefusalMessages.unknown_passkey,
    );
    expect(signInErrorMessage({ code: "passkey-constructor" })).not.toContain("passkey");
  });
});

describe("managing one's passkeys", () => {
  it("refuses to remove the last second factor while the policy requires one of the role", async () => {
    // A new installation requires a second factor of admins and editors (the migration's default).
    const editor = await createTestActor({ role: "editor" });
    const first = await addPasskey(editor, "First");
    await expect(
      removeOwnPasskey({ actor: editor, input: { passkeyId: first.added.id }, ...at }),
    ).rejects.toMatchObject({
      code: "conflict",
      userMessage: expect.stringContaining("this is your last one"),
    });
    const second = await addPasskey(editor, "Second");
    await removeOwnPasskey({ actor: editor, input: { passkeyId: first.added.id }, ...at });
    expect((await listOwnPasskeys({ actor: editor })).map((passkey) => passkey.id)).toEqual([
      second.added.id,
    ]);
    const removed = await getDb().authEvent.findFirst({
      where: { userId: editor.userId, kind: "factor_removed" },
    });
    expect(removed).toMatchObject({
      method: "passkey",
      detail: { passkeyId: first.added.id, name: "First" },
    });
  });

  it("lets a person whose role needs no second factor remove their only passkey", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    const { added } = await addPasskey(contributor);
    await removeOwnPasskey({ actor: contributor, input: { passkeyId: added.id }, ...at });
    expect(await listOwnPasskeys({ actor: contributor })).toEqual([]);
  });

  it("renames one's own passkeys and nobody else's", async () => {
    const editor = await createTestActor({ role: "editor" });
    const intruder = await createTestActor({ role: "admin" });
    const { added } = await addPasskey(editor);
    await renameOwnPasskey({ actor: editor, input: { passkeyId: added.id, name: "  Work phone " } });
    expect((await listOwnPasskeys({ actor: editor }))[0]?.name).toBe("Work phone");
    await expect(
      renameOwnPasskey({ actor: intruder, input: { passkeyId: added.id, name: "Mine now" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      removeOwnPasskey({ actor: intruder, input: { passkeyId: added.id }, ...at }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      renameOwnPasskey({ actor: editor, input: { passkeyId: added.id, name: " " } }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect((await listOwnPasskeys({ actor: editor }))[0]?.name).toBe("Work phone");
  });
});
