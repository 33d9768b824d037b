import "server-only";

import { randomBytes } from "node:crypto";

import { recordAuthEvent } from "@/lib/auth/auth-events";
import { hashPassword } from "@/lib/auth/passwords";
import { UserNameInput } from "@/lib/auth/user-input";
import { getDb, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { logger } from "@/lib/log/logger";

import { displayNameFrom, emailDomain, groupsFrom, SsoClaimsInput } from "./sso-claims";
import { recordSsoRefusal, type SsoRefusalReason } from "./sso-refusals";
import { ssoSettings, type SsoSettings } from "./sso-settings";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type SsoAdmission =
  { ok: true; userId: string; provisioned: boolean } | { ok: false; reason: SsoRefusalReason };

const roleRank: Record<Role, number> = { admin: 3, editor: 2, contributor: 1 };

/** The highest role any of the person's groups maps to; null when none does. */
export function roleFromGroups(options: {
  groups: string[];
  roleMap: { group: string; role: Role }[];
}): Role | null {
  let best: Role | null = null;
  for (const { group, role } of options.roleMap)
    if (options.groups.includes(group) && (!best || roleRank[role] > roleRank[best])) best = role;
  return best;
}

/**
 * Whether the person an identity provider vouches for may come in, and as whom. The ID token has already
 * been verified (signature, issuer, audience, expiry, nonce); this decides on its claims:
 * - the email must be present, verified by the IdP (`email_verified === true`) and at an allowed domain;
 * - an identity seen before (issuer + subject) signs in to the account it is linked to; otherwise the
 *   verified, allowed email links to the existing account with that address, or (OIDC_PROVISIONING=auto)
 *   a new contributor-by-default account is made;
 * - with OIDC_ROLE_MAP set, the role follows the IdP's groups at every sign-in, and no mapped group is a
 *   refusal;
 * - a person deactivated in Copydesk stays out, whatever the IdP says.
 * Links, role changes and provisioning happen in one transaction with their audit; refusals are recorded
 * as `sso_refused` with the reason.
 */
export async function admitSsoSignIn(options: {
  claims: Record<string, unknown>;
  clientAddress: string;
  userAgent: string;
  settings?: SsoSettings;
}): Promise<SsoAdmission> {
  const settings = options.settings ?? ssoSettings();
  if (!settings) throw new Error("single sign-on is not configured");
  const { issuer } = settings;
  const parsed = SsoClaimsInput.safeParse(options.claims);
  const claims = parsed.success ? parsed.data : undefined;
  const refuse = async (reason: SsoRefusalReason, extra: { userId?: string; why?: string } = {}) => {
    await recordSsoRefusal({
      reason,
      issuer,
      subject: claims?.sub,
      email: claims?.email,
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      ...extra,
    });
    logger.info("single sign-on refused", { reason, issuer, subject: claims?.sub, userId: extra.userId });
    return { ok: false as const, reason };
  };

  if (!claims) return refuse("token_invalid", { why: "the ID token has no usable subject" });
  const email = claims.email;
  if (!email) return refuse("email_missing");
  if (claims.email_verified !== true) return refuse("email_unverified");
  if (!settings.allowedDomains.includes(emailDomain(email))) return refuse("domain_not_allowed");
  const mappedRole = settings.roleMap
    ? roleFromGroups({ groups: groupsFrom(options.claims, settings.groupsClaim), roleMap: settings.roleMap })
    : null;

  const db = getDb();
  const identity = await db.ssoIdentity.findUnique({
    where: { issuer_subject: { issuer, subject: claims.sub } },
    select: { id: true, user: { select: { id: true, active: true, role: true } } },
  });
  const byEmail = identity
    ? null
    : await db.user.findUnique({
        where: { email },
        select: {
          id: true,
          active: true,
          role: true,
          ssoIdentities: { where: { issuer }, select: { subject: true } },
        },
      });
  const existing = identity?.user ?? byEmail;
  if (existing && !existing.active) return refuse("deactivated", { userId: existing.id });
  // The account is already linked to another person at this IdP: the address was reassigned (a leaver's
  // mailbox given to someone new). The newcomer must not inherit the old account.
  if (byEmail && byEmail.ssoIdentities.length > 0)
    return refuse("identity_conflict", {
      userId: byEmail.id,
      why: "the account is linked to another subject",
    });
  if (!existing && settings.provisioning === "invited") return refuse("not_invited");
  if (settings.roleMap && !mappedRole) return refuse("no_role", { userId: existing?.id });

  if (existing) {
    await db.$transaction(async (tx) => {
      if (identity)
        await tx.ssoIdentity.update({
          where: { id: identity.id },
          data: { email, lastSignInAt: new Date() },
        });
      else
        await tx.ssoIdentity.create({
          data: { userId: existing.id, issuer, subject: claims.sub, email, lastSignInAt: new Date() },
        });
      if (mappedRole && mappedRole !== existing.role) {
        await tx.user.update({ where: { id: existing.id }, data: { role: mappedRole } });
        logger.info("role follows the identity provider", { userId: existing.id, role: mappedRole });
      }
    });
    return { ok: true, userId: existing.id, provisioned: false };
  }

  const userId = await provisionPerson({
    email,
    name: displayNameFrom(claims, email),
    role: mappedRole ?? "contributor",
    issuer,
    subject: claims.sub,
    clientAddress: options.clientAddress,
    userAgent: options.userAgent,
  });
  return { ok: true, userId, provisioned: true };
}

/** A person the IdP vouches for, new to Copydesk (OIDC_PROVISIONING=auto). */
async function provisionPerson(options: {
  email: string;
  name: string;
  role: Role;
  issuer: string;
  subject: string;
  clientAddress: string;
  userAgent: string;
}): Promise<string> {
  // Nobody knows this password: the person signs in through the IdP until an admin sets one.
  const passwordHash = await hashPassword({ password: randomBytes(32).toString("base64url") });
  const named = UserNameInput.safeParse(options.name);
  const name = named.success ? named.data : options.email;
  const userId = await getDb().$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: options.email, name, role: options.role, passwordHash },
      select: { id: true },
    });
    await creditAs({ tx, userId: created.id, name, email: options.email });
    await tx.ssoIdentity.create({
      data: {
        userId: created.id,
        issuer: options.issuer,
        subject: options.subject,
        email: options.email,
        lastSignInAt: new Date(),
      },
    });
    await recordAuthEvent({
      kind: "sso_provisioned",
      userId: created.id,
      email: options.email,
      method: "sso",
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      detail: { issuer: options.issuer, subject: options.subject, role: options.role },
      tx,
    });
    return created.id;
  });
  logger.info("person provisioned by single sign-on", { userId, role: options.role });
  return userId;
}

/**
 * The contributor a new person is credited as (as users.ts createUser does): an unlinked contributor of the
 * same name is theirs; a name already credited to another account gets the address beside it, so two people
 * never share one credit.
 */
async function creditAs(options: { tx: Tx; userId: string; name: string; email: string }): Promise<void> {
  const contributor = await options.tx.contributor.findUnique({
    where: { name: options.name },
    select: { id: true, userId: true },
  });
  if (contributor && !contributor.userId) {
    await options.tx.contributor.update({ where: { id: contributor.id }, data: { userId: options.userId } });
    return;
  }
  const name = contributor ? `${options.name} (${options.email})` : options.name;
  await options.tx.contributor.create({ data: { name, userId: options.userId } });
}
