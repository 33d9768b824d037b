import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { createAuthCookieJar } from "@/lib/auth/auth-cookies";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";

import { answerSecondStep } from "./second-step";
import { challengeMaxWrongTries, createSignInChallenge } from "./sign-in-challenges";
import { startSecondStepIfNeeded } from "./start-second-step";
import { confirmTotpEnrollment, startTotpEnrollment } from "./totp-enrollment";
import { verifyTotpCode } from "./totp-factor";

process.env.NEXTAUTH_SECRET ??= "a test secret that is at least thirty-two characters";

const where = { clientAddress: "198.51.100.7", userAgent: "vitest" };

function codeAt(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

/** An editor with a confirmed authenticator app; returns its secret and the recovery codes shown once. */
async function editorWithApp() {
  const actor = await createTestActor({ role: "editor" });
  const { secret } = await startTotpEnrollment({ actor });
  const { recoveryCodes } = await confirmTotpEnrollment({ actor, code: await codeAt(secret), ...where });
  return { actor, secret, recoveryCodes: recoveryCodes ?? [] };
}

async function challengeFor(userId: string) {
  const { id } = await createSignInChallenge({ purpose: "second_factor", userId, ...where });
  return createAuthCookieJar({ cookieHeader: `copydesk-sign-in=${id}`, secure: false });
}

function setCookies(jar: ReturnType<typeof createAuthCookieJar>): string[] {
  return jar.applyTo(new Response(null)).headers.getSetCookie();
}

describe("authenticator app codes", () => {
  it("refuses a code replayed within its window, and an earlier step after a later one", async () => {
    const { actor, secret } = await editorWithApp();
    // The enrollment spent the current step; the next step's code is still within the window.
    expect(await verifyTotpCode({ userId: actor.userId, code: await codeAt(secret) })).toBe("reused");
    const next = await codeAt(secret, 30);
    expect(await verifyTotpCode({ userId: actor.userId, code: next })).toBe("accepted");
    expect(await verifyTotpCode({ userId: actor.userId, code: next })).toBe("reused");
  });

  it("refuses a wrong code, a late one and a malformed one", async () => {
    const { actor, secret } = await editorWithApp();
    expect(await verifyTotpCode({ userId: actor.userId, code: "000000" })).toMatch(/^(wrong|reused)$/);
    expect(await verifyTotpCode({ userId: actor.userId, code: await codeAt(secret, -120) })).toBe("wrong");
    expect(await verifyTotpCode({ userId: actor.userId, code: "12345" })).toBe("malformed");
    expect(await verifyTotpCode({ userId: actor.userId, code: "abcdef" })).toBe("malformed");
  });

  it("accepts one of two parallel verifications of the same code", async () => {
    const { actor, secret } = await editorWithApp();
    const code = await codeAt(secret, 30);
    const verdicts = await Promise.all([
      verifyTotpCode({ userId: actor.userId, code }),
      verifyTotpCode({ userId: actor.userId, code }),
    ]);
    expect(verdicts.sort()).toEqual(["accepted", "reused"]);
  });

  it("keeps the secret sealed at rest", async () => {
    const { actor, secret } = await editorWithApp();
    const row = await getDb().totpFactor.findUniqueOrThrow({ where: { userId: actor.userId } });
    expect(row.secretEncrypted).not.toContain(secret);
    expect(row.secretEncrypted).toMatch(/^v1\./);
  });
});

describe("the second sign-in step", () => {
  it("is asked of a person with a confirmed factor only", async () => {
    const plain = await createTestActor({ role: "editor" });
    expect(await startSecondStepIfNeeded({ userId: plain.userId, ...where })).toBe(false);
    const { actor } = await editorWithApp();
    const jar = createAuthCookieJar({ cookieHeader: null, secure: false });
    expect(await startSecondStepIfNeeded({ userId: actor.userId, ...where, jar })).toBe(true);
    expect(setCookies(jar)[0]).toMatch(/^copydesk-sign-in=[0-9a-f-]{36}; Max-Age=300; .*HttpOnly/);
  });

  it("passes with a current code once, and the challenge cannot open a second session", async () => {
    const { actor, secret } = await editorWithApp();
    const jar = await challengeFor(actor.userId);
    const code = await codeAt(secret, 30);
    expect(await answerSecondStep({ jar, method: "totp", code, ...where })).toEqual({
      ok: true,
      userId: actor.userId,
      method: "totp",
    });
    expect(setCookies(jar)).toEqual([expect.stringMatching(/^copydesk-sign-in=; Max-Age=0/)]);
    expect(await answerSecondStep({ jar, method: "totp", code, ...where })).toEqual({
      ok: false,
      code: "second_factor_expired",
    });
  });

  it("says a reused code is reused, and records the failure with the address", async () => {
    const { actor, secret } = await editorWithApp();
    const jar = await challengeFor(actor.userId);
    expect(await answerSecondStep({ jar, method: "totp", code: await codeAt(secret), ...where })).toEqual({
      ok: false,
      code: "code_reused",
    });
    const event = await getDb().authEvent.findFirstOrThrow({
      where: { userId: actor.userId, kind: "second_factor_failed" },
    });
    expect(event.clientAddress).toBe(where.clientAddress);
  });

  it("does not count a malformed code as a try", async () => {
    const { actor } = await editorWithApp();
    const jar = await challengeFor(actor.userId);
    expect(await answerSecondStep({ jar, method: "totp", code: "12 34", ...where })).toEqual({
      ok: false,
      code: "code_malformed",
    });
    const challenge = await getDb().signInChallenge.findFirstOrThrow({ where: { userId: actor.userId } });
    expect(challenge.failedAttempts).toBe(0);
  });

  it("ends the step after five wrong codes, even before a right one", async () => {
    const { actor, secret } = await editorWithApp();
    const jar = await challengeFor(actor.userId);
    const results = [];
    for (let attempt = 0; attempt < challengeMaxWrongTries; attempt += 1)
      results.push(await answerSecondStep({ jar, method: "totp", code: "000001", ...where }));
    expect(results.at(-1)).toEqual({ ok: false, code: "second_factor_too_many" });
    expect(await answerSecondStep({ jar, method: "totp", code: await codeAt(secret, 30), ...where })).toEqual(
      { ok: false, code: "second_factor_expired" },
    );
  });

  it("refuses an expired challenge", async () => {
    const { actor, secret } = await editorWithApp();
    const jar = await challengeFor(actor.userId);
    await getDb().signInChallenge.updateMany({
      where: { userId: actor.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await answerSecondStep({ jar, method: "totp", code: await codeAt(secret, 30), ...where })).toEqual(
      { ok: false, code: "second_factor_expired" },
    );
  });

  it("refuses a deactivated person", async () => {
    const { actor, secret } = await editorWithApp();
    const jar = await challengeFor(actor.userId);
    await getDb().user.update({ where: { id: actor.userId }, data: { active: false } });
    expect(await answerSecondStep({ jar, method: "totp", code: await codeAt(secret, 30), ...where })).toEqual(
      { ok: false, code: "deactivated" },
    );
  });

  it("accepts a recovery code once, records it, and says so when it comes back", async () => {
    const { actor, recoveryCodes } = await editorWithApp();
    expect(recoveryCodes).toHaveLength(10);
    const code = recoveryCodes[0]!.toUpperCase().replace("-", " ");
    expect(
      await answerSecondStep({
        jar: await challengeFor(actor.userId),
        method: "recovery_code",
        code,
        ...where,
      }),
    ).toMatchObject({ ok: true, method: "recovery_code" });
    expect(
      await getDb().authEvent.count({ where: { userId: actor.userId, kind: "recovery_code_used" } }),
    ).toBe(1);
    expect(
      await answerSecondStep({
        jar: await challengeFor(actor.userId),
        method: "recovery_code",
        code,
        ...where,
      }),
    ).toEqual({ ok: false, code: "recovery_code_spent" });
    expect(
      await answerSecondStep({
        jar: await challengeFor(actor.userId),
        method: "recovery_code",
        code: "aaaaa-aaaaa",
        ...where,
      }),
    ).toEqual({ ok: false, code: "recovery_code_wrong" });
  });

  it("refuses another person's recovery code", async () => {
    const { recoveryCodes } = await editorWithApp();
    const { actor: other } = await editorWithApp();
    expect(
      await answerSecondStep({
        jar: await challengeFor(other.userId),
        method: "recovery_code",
        code: recoveryCodes[0]!,
        ...where,
      }),
    ).toEqual({ ok: false, code: "recovery_code_wrong" });
  });

  it("refuses a challenge made for another purpose", async () => {
    const { actor, secret } = await editorWithApp();
    const { id } = await createSignInChallenge({
      purpose: "passkey_sign_in",
      userId: actor.userId,
      ...where,
    });
    const jar = createAuthCookieJar({ cookieHeader: `copydesk-sign-in=${id}`, secure: false });
    expect(await answerSecondStep({ jar, method: "totp", code: await codeAt(secret, 30), ...where })).toEqual(
      { ok: false, code: "second_factor_expired" },
    );
  });
});
