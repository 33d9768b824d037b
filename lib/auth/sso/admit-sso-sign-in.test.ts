import { describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { deactivateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

import { admitSsoSignIn, roleFromGroups } from "./admit-sso-sign-in";
import type { SsoSettings } from "./sso-settings";
import { signInWithSso } from "./sso-sign-in";

const issuer = "https://idp.example.org";
const request = { clientAddress: "203.0.113.7", userAgent: "Vitest" };

function settings(overrides: Partial<SsoSettings> = {}): SsoSettings {
  return {
    issuer,
    clientId: "copydesk",
    clientSecret: "secret",
    displayName: "Okta",
    allowedDomains: ["example.org"],
    provisioning: "auto",
    scopes: "openid email profile",
    groupsClaim: "groups",
    roleMap: null,
    ...overrides,
  };
}

let counter = 0;
function person(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    sub: `subject-${counter}-${Date.now()}`,
    email: `person${counter}.${Date.now()}@example.org`,
    email_verified: true,
    name: `Person ${counter} ${Date.now()}`,
    ...overrides,
  };
}

async function refusalsFor(subject: string) {
  return getDb().authEvent.findMany({
    where: { kind: "sso_refused", detail: { path: ["subject"], equals: subject } },
  });
}

describe("admitSsoSignIn", () => {
  it("provisions a new person on first sign-in (auto): a contributor, credited, linked, audited", async () => {
    const claims = person();
    const result = await signInWithSso({ claims, ...request, settings: settings() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = await getDb().user.findUniqueOrThrow({
      where: { id: result.userId },
      include: { contributor: true, ssoIdentities: true },
    });
    expect(user).toMatchObject({ email: claims.email, name: claims.name, role: "contributor", active: true });
    expect(user.contributor?.name).toBe(claims.name);
    expect(user.ssoIdentities).toMatchObject([{ issuer, subject: claims.sub, email: claims.email }]);
    const events = await getDb().authEvent.findMany({
      where: { userId: user.id },
      orderBy: { kind: "desc" },
    });
    expect(events.map((event) => [event.kind, event.method, event.clientAddress])).toEqual([
      ["sso_provisioned", "sso", "203.0.113.7"],
      ["sign_in", "sso", "203.0.113.7"],
    ]);
    const session = await getDb().userSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.userId).toBe(user.id);
  });

  it("signs a known identity in to its linked account, even after the IdP changed the email", async () => {
    const claims = person();
    const first = await admitSsoSignIn({ claims, ...request, settings: settings() });
    const again = await admitSsoSignIn({
      claims: { ...claims, email: `renamed.${claims.email}` },
      ...request,
      settings: settings(),
    });
    expect(again).toEqual({ ok: true, userId: first.ok ? first.userId : "", provisioned: false });
  });

  it("links a verified, allowed email to the account an admin made, without a new person", async () => {
    const admin = await createTestActor({ role: "editor", email: `editor.${Date.now()}@example.org` });
    const claims = person({ email: admin.email.toUpperCase() });
    const result = await admitSsoSignIn({
      claims,
      ...request,
      settings: settings({ provisioning: "invited" }),
    });
    expect(result).toEqual({ ok: true, userId: admin.userId, provisioned: false });
    expect(await getDb().ssoIdentity.count({ where: { userId: admin.userId, subject: claims.sub } })).toBe(1);
    // With no role map the role stays as the admin set it.
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.userId } })).role).toBe("editor");
  });

  it("refuses an unknown person when only invited people may come in (invited), creating nobody", async () => {
    const claims = person();
    const result = await admitSsoSignIn({
      claims,
      ...request,
      settings: settings({ provisioning: "invited" }),
    });
    expect(result).toEqual({ ok: false, reason: "not_invited" });
    expect(await getDb().user.count({ where: { email: claims.email } })).toBe(0);
    expect((await refusalsFor(claims.sub)).map((event) => event.detail)).toEqual([
      { reason: "not_invited", issuer, subject: claims.sub },
    ]);
  });

  it("refuses an email the IdP has not verified (false, the string 'true', or absent)", async () => {
    for (const verified of [false, "true", undefined]) {
      const claims = person({ email_verified: verified });
      expect(await admitSsoSignIn({ claims, ...request, settings: settings() })).toEqual({
        ok: false,
        reason: "email_unverified",
      });
      expect(await getDb().user.count({ where: { email: claims.email } })).toBe(0);
      expect(await refusalsFor(claims.sub)).toHaveLength(1);
    }
  });

  it("refuses a sign-in without an email", async () => {
    const claims = person({ email: undefined });
    expect(await admitSsoSignIn({ claims, ...request, settings: settings() })).toEqual({
      ok: false,
      reason: "email_missing",
    });
  });

  it("refuses addresses outside the allowed domains, look-alikes included", async () => {
    for (const email of [
      "rosa@example.com",
      "rosa@example.org.attacker.net",
      "rosa@evilexample.org",
      "rosa@news.example.org",
    ]) {
      const claims = person({ email });
      expect(await admitSsoSignIn({ claims, ...request, settings: settings() })).toEqual({
        ok: false,
        reason: "domain_not_allowed",
      });
    }
    expect(await getDb().user.count({ where: { email: "rosa@example.com" } })).toBe(0);
  });

  it("keeps a person deactivated in Copydesk out, whatever the IdP says", async () => {
    await createTestActor({ role: "admin" });
    const claims = person();
    const first = await admitSsoSignIn({ claims, ...request, settings: settings() });
    if (!first.ok) throw new Error("expected admission");
    await deactivateUser({ userId: first.userId, actor: "system" });
    const result = await signInWithSso({ claims, ...request, settings: settings() });
    expect(result).toEqual({ ok: false, code: "sso-deactivated" });
    expect(await getDb().userSession.count({ where: { userId: first.userId } })).toBe(0);
    // Also when the deactivated account would be found by its email.
    const byEmail = person({ email: claims.email });
    expect(await admitSsoSignIn({ claims: byEmail, ...request, settings: settings() })).toEqual({
      ok: false,
      reason: "deactivated",
    });
  });

  it("refuses a new subject for an address already linked to another one (a reassigned mailbox)", async () => {
    const claims = person();
    await admitSsoSignIn({ claims, ...request, settings: settings() });
    const newcomer = person({ email: claims.email });
    expect(await admitSsoSignIn({ claims: newcomer, ...request, settings: settings() })).toEqual({
      ok: false,
      reason: "identity_conflict",
    });
  });

  it("with a role map, the role follows the IdP's groups at every sign-in; no mapped group is refused", async () => {
    const roleMap = settings({
      roleMap: [
        { group: "copydesk-admins", role: "admin" },
        { group: "copydesk-editors", role: "editor" },
        { group: "copydesk-writers", role: "contributor" },
      ],
    });
    const claims = person({ groups: ["copydesk-writers", "copydesk-editors", "canteen"] });
    const first = await admitSsoSignIn({ claims, ...request, settings: roleMap });
    if (!first.ok) throw new Error("expected admission");
    const role = async () => (await getDb().user.findUniqueOrThrow({ where: { id: first.userId } })).role;
    expect(await role()).toBe("editor");
    await admitSsoSignIn({
      claims: { ...claims, groups: ["copydesk-writers"] },
      ...request,
      settings: roleMap,
    });
    expect(await role()).toBe("contributor");
    expect(
      await admitSsoSignIn({
        claims: { ...claims, groups: "copydesk-admins" },
        ...request,
        settings: roleMap,
      }),
    ).toMatchObject({ ok: true });
    expect(await role()).toBe("admin");
    expect(
      await admitSsoSignIn({ claims: { ...claims, groups: ["canteen"] }, ...request, settings: roleMap }),
    ).toEqual({
      ok: false,
      reason: "no_role",
    });
    expect(await role()).toBe("admin");
  });

  it("a new person's name already credited to another account is credited with the address beside it", async () => {
    const existing = await createTestActor({ role: "contributor", name: `Sam Lee ${Date.now()}` });
    const claims = person({ name: existing.name });
    const result = await admitSsoSignIn({ claims, ...request, settings: settings() });
    if (!result.ok) throw new Error("expected admission");
    const contributor = await getDb().contributor.findUniqueOrThrow({ where: { userId: result.userId } });
    expect(contributor.name).toBe(`${existing.name} (${claims.email})`);
  });
});

describe("roleFromGroups", () => {
  it("takes the highest role any group maps to, and null when none does", () => {
    const roleMap = [
      { group: "a", role: "contributor" as const },
      { group: "b", role: "admin" as const },
      { group: "c", role: "editor" as const },
    ];
    expect(roleFromGroups({ groups: ["a", "c"], roleMap })).toBe("editor");
    expect(roleFromGroups({ groups: ["c", "b", "a"], roleMap })).toBe("admin");
    expect(roleFromGroups({ groups: ["z"], roleMap })).toBeNull();
  });
});
