import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { loadActiveActor } from "@/lib/auth/load-actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { startSession } from "@/lib/auth/sessions";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";

import { createNewRecoveryCodes } from "./recovery-codes";
import { resetSecondFactors } from "./reset-factors";
import { readSecondFactorRoles, setSecondFactorRoles } from "./security-policy";
import { confirmTotpEnrollment, removeTotp, startTotpEnrollment } from "./totp-enrollment";

process.env.NEXTAUTH_SECRET ??= "a test secret that is at least thirty-two characters";

const where = { clientAddress: "203.0.113.9", userAgent: "vitest" };
const password = "a long enough password";

async function addApp(actor: Awaited<ReturnType<typeof createTestActor>>) {
  const { secret } = await startTotpEnrollment({ actor });
  return confirmTotpEnrollment({ actor, code: await generate({ secret }), ...where });
}

async function sessionActorOf(userId: string) {
  const sessionId = await startSession({ userId, userAgent: "vitest" });
  return loadActiveActor({ userId, via: "session", sessionId });
}

describe("the second-factor policy", () => {
  it("starts as [admin, editor] on a new installation (the migration, before any user)", async () => {
    const admin = await createTestActor({ role: "admin" });
    expect((await readSecondFactorRoles({ actor: admin })).sort()).toEqual(["admin", "editor"]);
  });

  it("makes a session of a required role without a factor enrollment-only, until a factor is set up", async () => {
    const editor = await createTestActor({ role: "editor" });
    const actor = (await sessionActorOf(editor.userId))!;
    expect(actor.secondFactorSetupRequired).toBe(true);
    expect(can({ actor, permission: "account:own" })).toBe(true);
    let refusal: unknown;
    try {
      assertCan({ actor, permission: "desk:read" });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: "forbidden",
      userMessage: "Your newsroom requires a second factor. Set one up on your Account page first.",
    });
    await addApp(actor);
    const full = (await loadActiveActor({
      userId: editor.userId,
      via: "session",
      sessionId: actor.sessionId,
    }))!;
    expect(full.secondFactorSetupRequired).toBeUndefined();
    expect(can({ actor: full, permission: "revision:publish" })).toBe(true);
  });

  it("leaves contributors alone while their role is not required, and API tokens alone always", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    expect((await sessionActorOf(contributor.userId))!.secondFactorSetupRequired).toBeUndefined();
    const editor = await createTestActor({ role: "editor" });
    expect(
      (await loadActiveActor({ userId: editor.userId, via: "token" }))!.secondFactorSetupRequired,
    ).toBeUndefined();
  });

  it("exempts a session opened through single sign-on", async () => {
    const editor = await createTestActor({ role: "editor" });
    const sessionId = await startSession({ userId: editor.userId, userAgent: "vitest" });
    await getDb().authEvent.create({
      data: {
        kind: "sign_in",
        userId: editor.userId,
        method: "sso",
        detail: { sessionId, methods: ["sso"] },
      },
    });
    const actor = await loadActiveActor({ userId: editor.userId, via: "session", sessionId });
    expect(actor!.secondFactorSetupRequired).toBeUndefined();
  });

  it("is changed by an admin, recorded with the address, and applies at the next request", async () => {
    const admin = await createTestActor({ role: "admin" });
    const editor = await createTestActor({ role: "editor" });
    expect(await setSecondFactorRoles({ actor: admin, roles: ["contributor", "admin"], ...where })).toEqual([
      "admin",
      "contributor",
    ]);
    expect((await sessionActorOf(editor.userId))!.secondFactorSetupRequired).toBeUndefined();
    const event = await getDb().authEvent.findFirstOrThrow({ where: { kind: "security_policy_changed" } });
    expect(event).toMatchObject({ actorId: admin.userId, clientAddress: where.clientAddress });
    expect(event.detail).toEqual({
      secondFactorRoles: { from: ["admin", "editor"], to: ["admin", "contributor"] },
    });
    await setSecondFactorRoles({ actor: admin, roles: ["admin", "editor"], ...where });
  });

  it("refuses an editor changing it, and a role that does not exist", async () => {
    const admin = await createTestActor({ role: "admin" });
    const editor = await createTestActor({ role: "editor" });
    await expect(setSecondFactorRoles({ actor: editor, roles: [], ...where })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setSecondFactorRoles({ actor: admin, roles: ["owner"], ...where })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect((await readSecondFactorRoles({ actor: admin })).sort()).toEqual(["admin", "editor"]);
  });
});

describe("removing an authenticator app", () => {
  it("takes the current password", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    await addApp(contributor);
    await expect(
      removeTotp({ actor: contributor, currentPassword: "not my password", ...where }),
    ).rejects.toMatchObject({ userMessage: "This is not your current password." });
    await removeTotp({ actor: contributor, currentPassword: password, ...where });
    expect(await getDb().totpFactor.count({ where: { userId: contributor.userId } })).toBe(0);
    expect(
      await getDb().authEvent.count({ where: { userId: contributor.userId, kind: "factor_removed" } }),
    ).toBe(1);
  });

  it("refuses to remove the last factor while the role requires one", async () => {
    const editor = await createTestActor({ role: "editor" });
    await addApp(editor);
    await expect(removeTotp({ actor: editor, currentPassword: password, ...where })).rejects.toMatchObject({
      code: "conflict",
      userMessage: expect.stringContaining("this is your last one"),
    });
    expect(await getDb().totpFactor.count({ where: { userId: editor.userId } })).toBe(1);
  });
});

describe("recovery codes", () => {
  it("come with the first factor, and new ones replace the unused", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    const { recoveryCodes } = await addApp(contributor);
    expect(recoveryCodes).toHaveLength(10);
    const fresh = await createNewRecoveryCodes({ actor: contributor, ...where });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes![0]);
    expect(await getDb().recoveryCode.count({ where: { userId: contributor.userId, usedAt: null } })).toBe(
      10,
    );
    expect(
      await getDb().authEvent.count({
        where: { userId: contributor.userId, kind: "recovery_codes_created" },
      }),
    ).toBe(2);
  });

  it("are refused without a second factor", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    await expect(createNewRecoveryCodes({ actor: contributor, ...where })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});

describe("an admin resetting someone's second factors", () => {
  it("removes their app and recovery codes and ends their sessions, recorded with who did it", async () => {
    const admin = await createTestActor({ role: "admin" });
    const editor = await createTestActor({ role: "editor" });
    await addApp(editor);
    const sessionId = await startSession({ userId: editor.userId, userAgent: "vitest" });
    const reset = await resetSecondFactors({ actor: admin, userId: editor.userId, ...where });
    expect(reset).toMatchObject({ totp: 1, passkeys: 0, recoveryCodes: 10, sessions: 1 });
    expect(await getDb().totpFactor.count({ where: { userId: editor.userId } })).toBe(0);
    expect(await getDb().recoveryCode.count({ where: { userId: editor.userId } })).toBe(0);
    expect(await loadActiveActor({ userId: editor.userId, via: "session", sessionId })).toBeNull();
    expect(
      await getDb().authEvent.findFirstOrThrow({ where: { userId: editor.userId, kind: "factors_reset" } }),
    ).toMatchObject({ actorId: admin.userId, clientAddress: where.clientAddress });
  });

  it("is refused to an editor, and changes nothing", async () => {
    const editor = await createTestActor({ role: "editor" });
    const other = await createTestActor({ role: "contributor" });
    await addApp(other);
    await expect(resetSecondFactors({ actor: editor, userId: other.userId, ...where })).rejects.toMatchObject(
      { code: "forbidden" },
    );
    expect(await getDb().totpFactor.count({ where: { userId: other.userId } })).toBe(1);
  });

  it("is refused for the admin's own factors", async () => {
    const admin = await createTestActor({ role: "admin" });
    await expect(resetSecondFactors({ actor: admin, userId: admin.userId, ...where })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
