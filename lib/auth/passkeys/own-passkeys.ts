import "server-only";

import type { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { assertCan } from "@/lib/auth/permissions";
import { assertFactorRemovable } from "@/lib/auth/second-factor/factor-status";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";

import { RemovePasskeyInput, RenamePasskeyInput } from "./passkey-input";

export type PasskeyDto = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Synced by its provider (iCloud Keychain, Google Password Manager) rather than kept on one device. */
  synced: boolean;
};

function unknownPasskey(passkeyId: string): AppError {
  return new AppError({
    code: "not_found",
    message: `passkey ${passkeyId} is not the actor's`,
    userMessage: "That passkey is not on your account any more. Reload the page to see your passkeys.",
  });
}

/** The signed-in person's own passkeys, oldest first. */
export async function listOwnPasskeys(options: { actor: Actor }): Promise<PasskeyDto[]> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const rows = await getDb().passkey.findMany({
    where: { userId: options.actor.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true, backedUp: true },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    synced: row.deviceType === "multiDevice" && row.backedUp,
  }));
}

export async function renameOwnPasskey(options: {
  actor: Actor;
  input: z.input<typeof RenamePasskeyInput>;
}): Promise<{ name: string }> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const input = parseInput({ schema: RenamePasskeyInput, input: options.input });
  const { count } = await getDb().passkey.updateMany({
    where: { id: input.passkeyId, userId: options.actor.userId },
    data: { name: input.name },
  });
  if (count === 0) throw unknownPasskey(input.passkeyId);
  return { name: input.name };
}

/**
 * Removes one of the person's passkeys. The user row is locked first, so two removals in two tabs take turns
 * and cannot both leave the person without the second factor their role requires.
 */
export async function removeOwnPasskey(options: {
  actor: Actor;
  input: z.input<typeof RemovePasskeyInput>;
  clientAddress: string;
  userAgent: string;
}): Promise<{ name: string }> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const input = parseInput({ schema: RemovePasskeyInput, input: options.input });
  const userId = options.actor.userId;
  return getDb().$transaction(async (tx) => {
    // The role as of the lock, not as of the request: an admin may have just changed it.
    const [locked] = await tx.$queryRaw<{ role: Role }[]>`
      SELECT role FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    if (!locked) throw unknownPasskey(input.passkeyId);
    const passkey = await tx.passkey.findFirst({
      where: { id: input.passkeyId, userId },
      select: { id: true, name: true },
    });
    if (!passkey) throw unknownPasskey(input.passkeyId);
    await assertFactorRemovable({ userId, role: locked.role, removing: { kind: "passkey" }, tx });
    await tx.passkey.delete({ where: { id: passkey.id } });
    await recordAuthEvent({
      kind: "factor_removed",
      userId,
      method: "passkey",
      clientAddress: options.clientAddress,
      userAgent: options.userAgent,
      detail: { passkeyId: passkey.id, name: passkey.name },
      tx,
    });
    return { name: passkey.name };
  });
}
