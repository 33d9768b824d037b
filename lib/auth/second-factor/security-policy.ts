import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { assertCan } from "@/lib/auth/permissions";
import { roles } from "@/lib/auth/user-input";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { parseInput } from "@/lib/validation/parse-input";

export const SecondFactorRolesInput = z.object({
  roles: z.array(z.enum(roles, { error: "Choose admins, editors or contributors" })).max(3),
});

/** The roles that must use a second factor (People page). */
export async function readSecondFactorRoles(options: { actor: Actor }): Promise<Role[]> {
  assertCan({ actor: options.actor, permission: "users:manage" });
  const policy = await getDb().securityPolicy.findUnique({ where: { id: 1 } });
  return policy?.secondFactorRoles ?? [];
}

/**
 * An admin sets which roles must use a second factor. People of those roles without one keep signing in, but
 * only to set one up (lib/auth/load-actor.ts) — nobody is locked out mid-shift.
 */
export async function setSecondFactorRoles(options: {
  actor: Actor;
  roles: unknown;
  clientAddress: string;
  userAgent: string;
}): Promise<Role[]> {
  assertCan({ actor: options.actor, permission: "users:manage" });
  const input = parseInput({ schema: SecondFactorRolesInput, input: { roles: options.roles } });
  // A stable order, so the audit's before and after compare as sets.
  const chosen = roles.filter((role) => input.roles.includes(role));
  return getDb().$transaction(async (tx) => {
    const before = await tx.securityPolicy.findUnique({ where: { id: 1 } });
    await tx.securityPolicy.upsert({
      where: { id: 1 },
      create: { id: 1, secondFactorRoles: chosen, updatedById: options.actor.userId },
      update: { secondFactorRoles: chosen, updatedById: options.actor.userId, updatedAt: new Date() },
    });
    await recordAuthEvent({
      kind: "security_policy_changed",
      userId: options.actor.userId,
      actorId: options.actor.userId,
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      detail: { secondFactorRoles: { from: before?.secondFactorRoles ?? [], to: chosen } },
      tx,
    });
    return chosen;
  });
}
