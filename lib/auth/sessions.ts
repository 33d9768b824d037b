import "server-only";

import { z } from "zod";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";

import type { Actor } from "./actor";
import { assertCan } from "./permissions";
import { UserRefInput } from "./user-input";
import type { UserAdminActor } from "./users";

/**
 * A working shift and then some, counted from the session's last request (next-auth rolls the cookie too).
 */
export const sessionMaxAgeSeconds = 12 * 60 * 60;
// lastSeenAt drives the idle expiry and the sessions list; once a minute is precise enough and keeps reads
// reads.
const lastSeenResolutionMs = 60_000;

export type SessionEndReason =
  "signed_out" | "signed_out_everywhere" | "password_changed" | "ended_by_admin" | "deactivated";

export type SessionDto = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  current: boolean;
};

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const SessionIdInput = z.uuid({ error: "Unknown session" });

function idleCutoff(now = Date.now()): Date {
  return new Date(now - sessionMaxAgeSeconds * 1000);
}

/** Opens a session for a user who has just proven who they are; the id goes into the session cookie. */
export async function startSession(options: { userId: string; userAgent: string }): Promise<string> {
  const row = await getDb().userSession.create({
    data: { userId: options.userId, userAgent: options.userAgent.slice(0, 300) },
    select: { id: true },
  });
  logger.info("session started", { sessionId: row.id, userId: options.userId });
  return row.id;
}

/**
 * Whether a session cookie's session is still open: not ended, not idle past its maximum age, and the
 * user's. Records the request as the session's last use (at most once a minute).
 */
export async function isSessionOpen(options: { sessionId: string; userId: string }): Promise<boolean> {
  if (!SessionIdInput.safeParse(options.sessionId).success) return false;
  const row = await getDb().userSession.findUnique({
    where: { id: options.sessionId },
    select: { userId: true, endedAt: true, lastSeenAt: true },
  });
  const now = Date.now();
  if (!row || row.userId !== options.userId || row.endedAt || row.lastSeenAt < idleCutoff(now)) return false;
  if (now - row.lastSeenAt.getTime() >= lastSeenResolutionMs) {
    await getDb().userSession.updateMany({
      where: {
        id: options.sessionId,
        endedAt: null,
        lastSeenAt: { lte: new Date(now - lastSeenResolutionMs) },
      },
      data: { lastSeenAt: new Date(now) },
    });
  }
  return true;
}

/** Ends sessions of a user, in the caller's transaction when given one. Returns how many were open. */
export async function endSessionsOfUser(options: {
  userId: string;
  reason: SessionEndReason;
  exceptSessionId?: string;
  tx?: Tx;
}): Promise<number> {
  const db = options.tx ?? getDb();
  const { count } = await db.userSession.updateMany({
    where: {
      userId: options.userId,
      endedAt: null,
      ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
    },
    data: { endedAt: new Date(), endReason: options.reason },
  });
  if (count > 0)
    logger.info("sessions ended", {
      userId: options.userId,
      count,
      reason: options.reason,
      keptSessionId: options.exceptSessionId,
    });
  return count;
}

/** Signing out: ends this one session on the server, so a copy of the cookie no longer works either. */
export async function endSession(options: { sessionId: string; reason?: SessionEndReason }): Promise<void> {
  if (!SessionIdInput.safeParse(options.sessionId).success) return;
  await getDb().userSession.updateMany({
    where: { id: options.sessionId, endedAt: null },
    data: { endedAt: new Date(), endReason: options.reason ?? "signed_out" },
  });
  logger.info("session ended", { sessionId: options.sessionId, reason: options.reason ?? "signed_out" });
}

/** The actor's open sessions, newest use first; the one making this request is marked. */
export async function listOwnSessions(options: { actor: Actor }): Promise<SessionDto[]> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const rows = await getDb().userSession.findMany({
    where: { userId: options.actor.userId, endedAt: null, lastSeenAt: { gte: idleCutoff() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: [{ lastSeenAt: "desc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    userAgent: row.userAgent,
    current: row.id === options.actor.sessionId,
  }));
}

/**
 * Ends one of the actor's own sessions (a browser left signed in elsewhere). Another user's id looks missing.
 */
export async function endOwnSession(options: { actor: Actor; sessionId: string }): Promise<void> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const sessionId = parseInput({ schema: SessionIdInput, input: options.sessionId });
  const { count } = await getDb().userSession.updateMany({
    where: { id: sessionId, userId: options.actor.userId, endedAt: null },
    data: { endedAt: new Date(), endReason: "signed_out" },
  });
  if (count === 0)
    throw new AppError({
      code: "not_found",
      message: `no open session ${sessionId} of ${options.actor.userId}`,
      userMessage: "That session has already ended.",
    });
  logger.info("session ended", { sessionId, userId: options.actor.userId, reason: "signed_out" });
}

/** Signs the actor out of every browser, this one included; the audit log records it in the same transaction. */
export async function signOutEverywhere(options: { actor: Actor; clientAddress?: string }): Promise<number> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const { actor } = options;
  return getDb().$transaction(async (tx) => {
    const ended = await endSessionsOfUser({ tx, userId: actor.userId, reason: "signed_out_everywhere" });
    await recordAuditEvent({
      tx,
      kind: "signed_out_everywhere",
      actor,
      userId: actor.userId,
      clientAddress: options.clientAddress,
      detail: { sessionsEnded: ended },
    });
    return ended;
  });
}

/** An admin (or the command line) signs someone out of every browser, e.g. after a lost laptop. */
export async function endUserSessions(
  options: ({ userId: string } | { email: string }) & { actor: UserAdminActor; clientAddress?: string },
): Promise<number> {
  if (options.actor !== "system") assertCan({ actor: options.actor, permission: "users:manage" });
  const ref = parseInput({
    schema: UserRefInput,
    input: "userId" in options ? { userId: options.userId } : { email: options.email },
  });
  const user = await getDb().user.findUnique({
    where: "userId" in ref ? { id: ref.userId } : { email: ref.email },
    select: { id: true },
  });
  if (!user)
    throw new AppError({
      code: "not_found",
      message: `no user ${JSON.stringify(ref)}`,
      userMessage: "That user does not exist.",
    });
  return getDb().$transaction(async (tx) => {
    const ended = await endSessionsOfUser({ tx, userId: user.id, reason: "ended_by_admin" });
    await recordAuditEvent({
      tx,
      kind: "signed_out_everywhere",
      actor: options.actor,
      userId: user.id,
      clientAddress: options.clientAddress,
      detail: { sessionsEnded: ended },
    });
    return ended;
  });
}
