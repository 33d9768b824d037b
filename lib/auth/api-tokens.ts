import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

import { newsroomDayOf, newsroomDayStart } from "@/lib/audit/newsroom-days";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";
import { requiredTextInput } from "@/lib/validation/text-rules";

import type { Actor } from "./actor";
import { loadActiveActor } from "./load-actor";
import { assertCan } from "./permissions";
import { EmailInput, UserIdInput } from "./user-input";
import type { UserAdminActor } from "./users";

const tokenPrefix = "cdk_";
// Shown in lists so an owner can tell tokens apart; 8 characters reveal 48 of the token's 256 bits.
const visiblePrefixLength = tokenPrefix.length + 8;
// lastUsedAt is a hint for owners; writing it on every request would make each API call a write. The audit log
// gets the first use of each newsroom day, written with the lastUsedAt that moves into that day.
const lastUsedResolutionMs = 60_000;

export const ApiTokenNameInput = requiredTextInput({
  max: 80,
  required: "Name the token, e.g. “CMS sync”",
  tooLong: "Token name must be at most 80 characters",
});

const CreateApiTokenInput = z.union([
  z.object({ userId: UserIdInput, name: ApiTokenNameInput }),
  z.object({ email: EmailInput, name: ApiTokenNameInput }),
]);

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens carry 256 random bits, so a plain SHA-256 is enough: there is nothing to brute-force. */
function generateToken(): string {
  return tokenPrefix + randomBytes(32).toString("base64url");
}

/**
 * Creates an API token for a user, returning the plaintext once; only its SHA-256 hash is stored.
 * Users create their own tokens; "system" (the command line) may create one for anyone.
 */
export async function createApiToken(options: {
  email?: string;
  userId?: string;
  name: string;
  actor: UserAdminActor;
  clientAddress?: string;
}): Promise<{ id: string; prefix: string; token: string }> {
  const input = parseInput({
    schema: CreateApiTokenInput,
    input:
      options.userId !== undefined
        ? { userId: options.userId, name: options.name }
        : options.email !== undefined
          ? { email: options.email, name: options.name }
          : options.actor === "system"
            ? { name: options.name }
            : { userId: options.actor.userId, name: options.name },
  });
  const owner = await getDb().user.findUnique({
    where: "userId" in input ? { id: input.userId } : { email: input.email },
    select: { id: true, active: true },
  });
  if (!owner)
    throw new AppError({
      code: "not_found",
      message: "token owner not found",
      userMessage: "That user does not exist.",
    });
  if (options.actor !== "system") {
    assertCan({ actor: options.actor, permission: "tokens:own" });
    if (options.actor.userId !== owner.id) {
      throw new AppError({
        code: "forbidden",
        message: `${options.actor.email} tried to create a token for ${owner.id}`,
        userMessage: "You can only create tokens for your own account.",
      });
    }
  }
  if (!owner.active)
    throw new AppError({
      code: "conflict",
      message: `token for deactivated user ${owner.id}`,
      userMessage: "That account is deactivated.",
    });
  const token = generateToken();
  const prefix = token.slice(0, visiblePrefixLength);
  const created = await getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: owner.id, name: input.name, prefix, tokenHash: hashToken(token) },
      select: { id: true },
    });
    await recordAuditEvent({
      tx,
      kind: "token_created",
      actor: options.actor,
      userId: owner.id,
      apiTokenId: row.id,
      clientAddress: options.clientAddress,
    });
    return row;
  });
  logger.info("api token created", { tokenId: created.id, userId: owner.id });
  return { id: created.id, prefix, token };
}

/**
 * Owners revoke their own tokens; admins and the command line may revoke anyone's. Revoking twice is
 * harmless.
 */
export async function revokeApiToken(options: {
  id: string;
  actor: UserAdminActor;
  clientAddress?: string;
}): Promise<ApiTokenDto> {
  const id = parseInput({ schema: z.uuid({ error: "Unknown token" }), input: options.id });
  const notFound = new AppError({
    code: "not_found",
    message: `no api token ${id}`,
    userMessage: "That token does not exist.",
  });
  const existing = await getDb().apiToken.findUnique({
    where: { id },
    select: { userId: true, revokedAt: true },
  });
  if (!existing) throw notFound;
  const actor = options.actor;
  if (actor !== "system") {
    const own = existing.userId === actor.userId;
    if (!own) {
      // Someone else's token looks exactly like a missing one to non-admins, so ids cannot be probed.
      if (actor.role !== "admin") throw notFound;
      assertCan({ actor, permission: "users:manage" });
    } else {
      assertCan({ actor, permission: "tokens:own" });
    }
  }
  const row = await getDb().$transaction(async (tx) => {
    // Only the call that revokes it is recorded: the conditional update lets one of two at once through.
    const { count } = await tx.apiToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 1)
      await recordAuditEvent({
        tx,
        kind: "token_revoked",
        actor,
        userId: existing.userId,
        apiTokenId: id,
        clientAddress: options.clientAddress,
      });
    return tx.apiToken.findUniqueOrThrow({
      where: { id },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
  });
  logger.info("api token revoked", { tokenId: id, by: actor === "system" ? "system" : actor.email });
  return toDto(row);
}

function toDto(row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The actor's own tokens, newest first, active before revoked. Hashes never leave this module. */
export async function listApiTokens(options: { actor: Actor }): Promise<ApiTokenDto[]> {
  assertCan({ actor: options.actor, permission: "tokens:own" });
  const rows = await getDb().apiToken.findMany({
    where: { userId: options.actor.userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ createdAt: "desc" }],
  });
  return rows.map(toDto).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

export type OwnedApiTokenDto = ApiTokenDto & { owner: { id: string; email: string; name: string } };

/**
 * Everyone's tokens (or one person's, by email), for admins and the command line: owner, name, prefix,
 * created and last used, newest first, active before revoked. Hashes never leave this module.
 */
export async function listAllApiTokens(options: {
  actor: UserAdminActor;
  email?: string;
}): Promise<OwnedApiTokenDto[]> {
  if (options.actor !== "system") assertCan({ actor: options.actor, permission: "users:manage" });
  const email =
    options.email === undefined ? undefined : parseInput({ schema: EmailInput, input: options.email });
  const rows = await getDb().apiToken.findMany({
    where: email === undefined ? {} : { user: { email } },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
    orderBy: [{ createdAt: "desc" }],
  });
  return rows
    .map((row) => ({ ...toDto(row), owner: row.user }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** The owner's actor for a bearer token, or null when it is unknown, revoked, or its owner is deactivated. */
export async function authenticateApiToken(options: {
  token: string;
  clientAddress?: string;
}): Promise<Actor | null> {
  if (!options.token.startsWith(tokenPrefix) || options.token.length > 200) return null;
  const row = await getDb().apiToken.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const actor = await loadActiveActor({ userId: row.userId, via: "token" });
  if (!actor) return null;
  const now = new Date();
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const today = newsroomDayStart({ day: newsroomDayOf({ instant: now, zone }), zone });
  const due = (last: Date | null) =>
    !last || now.getTime() - last.getTime() >= lastUsedResolutionMs || last < today;
  if (due(row.lastUsedAt))
    await recordTokenUse({ tokenId: row.id, userId: row.userId, now, today, due, ...options });
  return actor;
}

/**
 * Moves lastUsedAt to now and, when that is the token's first use of the newsroom day, records it in the audit
 * log in the same transaction. The row is locked first, so of concurrent requests one writes and records.
 */
async function recordTokenUse(options: {
  tokenId: string;
  userId: string;
  now: Date;
  today: Date;
  due: (last: Date | null) => boolean;
  clientAddress?: string;
}): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ lastUsedAt: Date | null }[]>`
      SELECT last_used_at AS "lastUsedAt" FROM api_tokens
      WHERE id = ${options.tokenId}::uuid AND revoked_at IS NULL FOR UPDATE`;
    // Revoked meanwhile (never un-revoke), or another request of this minute wrote first.
    if (!locked || !options.due(locked.lastUsedAt)) return;
    await tx.apiToken.update({ where: { id: options.tokenId }, data: { lastUsedAt: options.now } });
    if (locked.lastUsedAt && locked.lastUsedAt >= options.today) return;
    await recordAuditEvent({
      tx,
      kind: "token_used",
      actor: { userId: options.userId },
      userId: options.userId,
      apiTokenId: options.tokenId,
      clientAddress: options.clientAddress,
      detail: { via: "api" },
    });
  });
}
