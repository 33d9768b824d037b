import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";

import type { Actor } from "./actor";
import { authenticateApiToken, createApiToken } from "./api-tokens";
import { loadActiveActor } from "./load-actor";
import { verifyPassword } from "./passwords";
import {
  endOwnSession,
  endSession,
  endUserSessions,
  listOwnSessions,
  signOutEverywhere,
  startSession,
} from "./sessions";
import { createTestActor } from "./test-actors";
import { changeOwnPassword, deactivateUser, reactivateUser, setUserPassword } from "./users";

const password = "a long enough password";

async function signedIn(actor: Actor, userAgent = "Test browser"): Promise<Actor> {
  const sessionId = await startSession({ userId: actor.userId, userAgent });
  return { ...actor, sessionId };
}

async function isOpen(actor: Actor): Promise<boolean> {
  return (
    (await loadActiveActor({ userId: actor.userId, via: "session", sessionId: actor.sessionId })) !== null
  );
}

describe("server-side sessions", () => {
  it("a session is open until it is signed out, and then stays closed", async () => {
    // Guards issue 9.5: sign-out used to clear only the cookie, so a copied cookie kept working for 12 hours.
    const editor = await signedIn(await createTestActor({ role: "editor" }));
    expect(
      await loadActiveActor({ userId: editor.userId, via: "session", sessionId: editor.sessionId }),
    ).toMatchObject({ userId: editor.userId, sessionId: editor.sessionId });
    await endSession({ sessionId: editor.sessionId! });
    expect(await isOpen(editor)).toBe(false);
  });

  it("refuses a cookie without a session, with another user's session, or idle past its age", async () => {
    const [one, two] = [
      await signedIn(await createTestActor({ role: "editor" })),
      await createTestActor({ role: "editor" }),
    ];
    expect(await loadActiveActor({ userId: one.userId, via: "session" })).toBeNull();
    expect(
      await loadActiveActor({ userId: two.userId, via: "session", sessionId: one.sessionId }),
    ).toBeNull();
    expect(await loadActiveActor({ userId: one.userId, via: "session", sessionId: "not-a-uuid" })).toBeNull();
    await getDb().userSession.update({
      where: { id: one.sessionId! },
      data: { lastSeenAt: new Date(Date.now() - 13 * 60 * 60 * 1000) },
    });
    expect(await isOpen(one)).toBe(false);
  });

  it("changing your own password ends your other sessions and keeps this one", async () => {
    const base = await createTestActor({ role: "contributor" });
    const [here, laptop] = [await signedIn(base, "Here"), await signedIn(base, "Laptop")];
    const result = await changeOwnPassword({
      actor: here,
      currentPassword: password,
      newPassword: "a fresh passphrase today",
      confirmPassword: "a fresh passphrase today",
    });
    expect(result.endedSessions).toBe(1);
    expect(await isOpen(here)).toBe(true);
    expect(await isOpen(laptop)).toBe(false);
    const stored = await getDb().user.findUniqueOrThrow({
      where: { id: base.userId },
      select: { passwordHash: true },
    });
    expect(await verifyPassword({ hash: stored.passwordHash, password: "a fresh passphrase today" })).toBe(
      true,
    );
  });

  it("a wrong current password, a mismatch or a common new one changes nothing and ends nothing", async () => {
    const base = await createTestActor({ role: "editor" });
    const [here, laptop] = [await signedIn(base), await signedIn(base)];
    const before = (await getDb().user.findUniqueOrThrow({ where: { id: base.userId } })).passwordHash;
    await expect(
      changeOwnPassword({
        actor: here,
        currentPassword: "not my password",
        newPassword: "a fresh passphrase today",
        confirmPassword: "a fresh passphrase today",
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "currentPassword" }] },
    });
    await expect(
      changeOwnPassword({
        actor: here,
        currentPassword: password,
        newPassword: "a fresh passphrase today",
        confirmPassword: "a fresh passphrase toady",
      }),
    ).rejects.toMatchObject({
      details: { fields: [{ path: "confirmPassword" }] },
    });
    await expect(
      changeOwnPassword({
        actor: here,
        currentPassword: password,
        newPassword: "passwordpassword",
        confirmPassword: "passwordpassword",
      }),
    ).rejects.toMatchObject({
      details: { fields: [{ path: "newPassword" }] },
    });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: base.userId } })).passwordHash).toBe(before);
    expect(await isOpen(laptop)).toBe(true);
  });

  it("an admin's password reset ends every session of that user", async () => {
    const admin = await signedIn(await createTestActor({ role: "admin" }));
    const editor = await signedIn(await createTestActor({ role: "editor" }));
    await setUserPassword({ userId: editor.userId, password: "reset by the admin now", actor: admin });
    expect(await isOpen(editor)).toBe(false);
    expect(await isOpen(admin)).toBe(true);
  });

  it("sign out everywhere ends all of your sessions, this one too, and lists none afterwards", async () => {
    const base = await createTestActor({ role: "contributor" });
    const [here, phone] = [await signedIn(base, "Desk Chrome"), await signedIn(base, "Phone Safari")];
    const listed = await listOwnSessions({ actor: here });
    expect(listed.map((session) => [session.userAgent, session.current])).toEqual(
      expect.arrayContaining([
        ["Desk Chrome", true],
        ["Phone Safari", false],
      ]),
    );
    expect(await signOutEverywhere({ actor: here })).toBe(2);
    expect(await isOpen(here)).toBe(false);
    expect(await isOpen(phone)).toBe(false);
    expect(await listOwnSessions({ actor: here })).toEqual([]);
  });

  it("you can end one of your own other sessions, but not someone else's", async () => {
    const [mine, theirs] = [
      await createTestActor({ role: "editor" }),
      await createTestActor({ role: "editor" }),
    ];
    const [here, old] = [await signedIn(mine), await signedIn(mine)];
    const other = await signedIn(theirs);
    await expect(endOwnSession({ actor: here, sessionId: other.sessionId! })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await isOpen(other)).toBe(true);
    await endOwnSession({ actor: here, sessionId: old.sessionId! });
    expect(await isOpen(old)).toBe(false);
    expect(await isOpen(here)).toBe(true);
  });

  it("an admin signs a user out everywhere; an editor cannot", async () => {
    const admin = await createTestActor({ role: "admin" });
    const editor = await createTestActor({ role: "editor" });
    const target = await signedIn(await createTestActor({ role: "contributor" }));
    await expect(endUserSessions({ userId: target.userId, actor: editor })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await isOpen(target)).toBe(true);
    expect(await endUserSessions({ userId: target.userId, actor: admin })).toBe(1);
    expect(await isOpen(target)).toBe(false);
  });

  it("deactivation ends sessions and revokes tokens for good: reactivation brings none back", async () => {
    // Guards issue 9.7: a reactivated user's old token answered 200 again and the old browser opened the
    // desk.
    const user = await signedIn(await createTestActor({ role: "editor" }));
    const { id, token } = await createApiToken({ name: "CMS sync", actor: user });
    expect(await authenticateApiToken({ token })).not.toBeNull();
    await deactivateUser({ userId: user.userId, actor: "system" });
    await reactivateUser({ userId: user.userId, actor: "system" });
    expect(await authenticateApiToken({ token })).toBeNull();
    expect(await isOpen(user)).toBe(false);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    const fresh = await signedIn(user);
    expect(await isOpen(fresh)).toBe(true);
  });
});
