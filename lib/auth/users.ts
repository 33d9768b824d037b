import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";
import { runOffLoop } from "@/lib/workers/worker-pool";

import type { Actor } from "./actor";
import { passwordStrengthIssue } from "./password-strength";
import { hashPassword, verifyPassword } from "./passwords";
import { assertCan } from "./permissions";
import { endSessionsOfUser } from "./sessions";
import { ChangeOwnPasswordInput, NewUserInput, PasswordInput, RoleInput, UserRefInput } from "./user-input";

export { NewUserInput } from "./user-input";

/** "system" is the command line and the seed: trusted, because it runs with direct database access anyway. */
export type UserAdminActor = Actor | "system";

/** Whom an admin action is about: by id on the desk, by email on the command line. */
export type UserRef = { email: string } | { userId: string };

/** Where the act came from, for the audit log (the desk passes the client's address; the command line none). */
type Origin = { clientAddress?: string };

function parseUserRef(options: UserRef): UserRefInput {
  return parseInput({
    schema: UserRefInput,
    input: "userId" in options ? { userId: options.userId } : { email: options.email },
  });
}

export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  deactivatedAt: string | null;
};

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  deactivatedAt: true,
} as const;

function toDto(row: {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
}): UserDto {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}

function assertCanManage(actor: UserAdminActor): void {
  if (actor !== "system") assertCan({ actor, permission: "users:manage" });
}

function actorLabel(actor: UserAdminActor): string {
  return actor === "system" ? "system" : actor.email;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates a user and, in the same transaction, the contributor record the desk credits them under.
 * An existing contributor with the same name and no account is linked (a freelancer joining the staff);
 * one already linked to another account is a conflict, so two people never share one credit identity.
 */
export async function createUser(
  options: NewUserInput & { actor: UserAdminActor } & Origin,
): Promise<UserDto> {
  assertCanManage(options.actor);
  const input = parseInput({
    schema: NewUserInput,
    input: { email: options.email, name: options.name, role: options.role, password: options.password },
  });
  await assertPasswordStrongEnough({
    password: input.password,
    person: input,
    field: "password",
    actor: options.actor,
  });
  const passwordHash = await hashPassword({ password: input.password });
  const emailTaken = new AppError({
    code: "conflict",
    message: `user ${input.email} exists`,
    userMessage: "A user with this email already exists.",
  });
  try {
    const user = await getDb().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken;
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: userSelect,
      });
      const contributor = await tx.contributor.findUnique({
        where: { name: input.name },
        select: { id: true, userId: true },
      });
      if (contributor?.userId) {
        throw new AppError({
          code: "conflict",
          message: `contributor "${input.name}" is linked to another user`,
          userMessage: `Another account is already credited as “${input.name}”. Use a distinguishing name, such as a middle initial.`,
          details: {
            fields: [{ path: "name", message: "This name is already credited to another account" }],
          },
        });
      }
      if (contributor)
        await tx.contributor.update({ where: { id: contributor.id }, data: { userId: created.id } });
      else await tx.contributor.create({ data: { name: input.name, userId: created.id } });
      await recordAuditEvent({
        tx,
        kind: "user_added",
        actor: options.actor,
        userId: created.id,
        clientAddress: options.clientAddress,
        detail: { role: created.role },
      });
      return created;
    });
    logger.info("user created", { userId: user.id, role: user.role, by: actorLabel(options.actor) });
    return toDto(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken;
    throw error;
  }
}

async function lockTarget(options: { tx: Tx; ref: UserRefInput }) {
  const where = "userId" in options.ref ? { id: options.ref.userId } : { email: options.ref.email };
  const found = await options.tx.user.findUnique({ where, select: { id: true } });
  if (!found)
    throw new AppError({
      code: "not_found",
      message: `no user ${JSON.stringify(options.ref)}`,
      userMessage: "That user does not exist.",
    });
  // Row locks serialise concurrent admin changes, so two admins demoting each other cannot both succeed.
  await options.tx
    .$queryRaw`SELECT id FROM users WHERE id = ${found.id}::uuid OR (role = 'admin' AND active) ORDER BY id FOR UPDATE`;
  return options.tx.user.findUniqueOrThrow({ where: { id: found.id }, select: userSelect });
}

async function assertAnotherActiveAdmin(options: { tx: Tx; userId: string; change: string }): Promise<void> {
  const others = await options.tx.user.count({
    where: { role: "admin", active: true, id: { not: options.userId } },
  });
  if (others === 0) {
    throw new AppError({
      code: "conflict",
      message: `refused to ${options.change} the last active admin ${options.userId}`,
      userMessage: `This is the newsroom’s only active admin. Make someone else an admin before you ${options.change} this account.`,
    });
  }
}

/**
 * Ends access at once and for good: every session is ended and every API token revoked in the same
 * transaction, so reactivating the account later brings none of them back.
 */
export async function deactivateUser(
  options: UserRef & { actor: UserAdminActor } & Origin,
): Promise<UserDto> {
  assertCanManage(options.actor);
  const ref = parseUserRef(options);
  const user = await getDb().$transaction(async (tx) => {
    const target = await lockTarget({ tx, ref });
    if (options.actor !== "system" && options.actor.userId === target.id) {
      throw new AppError({
        code: "conflict",
        message: "admin tried to deactivate themselves",
        userMessage: "You cannot deactivate your own account. Ask another admin.",
      });
    }
    if (!target.active) return target;
    if (target.role === "admin")
      await assertAnotherActiveAdmin({ tx, userId: target.id, change: "deactivate" });
    const now = new Date();
    const sessionsEnded = await endSessionsOfUser({ tx, userId: target.id, reason: "deactivated" });
    const tokens = await tx.apiToken.updateMany({
      where: { userId: target.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAuditEvent({
      tx,
      kind: "user_deactivated",
      actor: options.actor,
      userId: target.id,
      clientAddress: options.clientAddress,
      detail: { sessionsEnded, tokensRevoked: tokens.count },
    });
    return tx.user.update({
      where: { id: target.id },
      data: { active: false, deactivatedAt: now },
      select: userSelect,
    });
  });
  logger.info("user deactivated", { userId: user.id, by: actorLabel(options.actor) });
  return toDto(user);
}

/**
 * Lets the person sign in again; their old sessions and tokens stay ended, so they sign in afresh and make
 * new tokens.
 */
export async function reactivateUser(
  options: UserRef & { actor: UserAdminActor } & Origin,
): Promise<UserDto> {
  assertCanManage(options.actor);
  const ref = parseUserRef(options);
  const user = await getDb().$transaction(async (tx) => {
    const target = await lockTarget({ tx, ref });
    if (target.active) return target;
    await recordAuditEvent({
      tx,
      kind: "user_reactivated",
      actor: options.actor,
      userId: target.id,
      clientAddress: options.clientAddress,
    });
    return tx.user.update({
      where: { id: target.id },
      data: { active: true, deactivatedAt: null },
      select: userSelect,
    });
  });
  logger.info("user reactivated", { userId: user.id, by: actorLabel(options.actor) });
  return toDto(user);
}

/**
 * Applies at the user's next request: the role is read from the database every time, never from the session.
 */
export async function changeUserRole(
  options: UserRef & { role: Role; actor: UserAdminActor } & Origin,
): Promise<UserDto> {
  assertCanManage(options.actor);
  const ref = parseUserRef(options);
  const role = parseInput({ schema: RoleInput, input: options.role });
  const user = await getDb().$transaction(async (tx) => {
    const target = await lockTarget({ tx, ref });
    if (target.role === role) return target;
    if (target.role === "admin" && target.active)
      await assertAnotherActiveAdmin({ tx, userId: target.id, change: "demote" });
    await recordAuditEvent({
      tx,
      kind: "role_changed",
      actor: options.actor,
      userId: target.id,
      clientAddress: options.clientAddress,
      detail: { fromRole: target.role, toRole: role },
    });
    return tx.user.update({ where: { id: target.id }, data: { role }, select: userSelect });
  });
  logger.info("user role changed", { userId: user.id, role: user.role, by: actorLabel(options.actor) });
  return toDto(user);
}

/**
 * An admin (or the command line) sets a new password for someone who forgot theirs. Every session of that
 * person ends with it (except the admin's own, when admins reset their own password).
 */
export async function setUserPassword(
  options: UserRef & { password: string; actor: UserAdminActor } & Origin,
): Promise<UserDto> {
  assertCanManage(options.actor);
  const ref = parseUserRef(options);
  const password = parseInput({ schema: PasswordInput, input: options.password });
  const where = "userId" in ref ? { id: ref.userId } : { email: ref.email };
  const existing = await getDb().user.findUnique({ where, select: { id: true, email: true, name: true } });
  if (!existing)
    throw new AppError({
      code: "not_found",
      message: `no user ${JSON.stringify(ref)}`,
      userMessage: "That user does not exist.",
    });
  await assertPasswordStrongEnough({ password, person: existing, field: "password", actor: options.actor });
  const passwordHash = await hashPassword({ password });
  const keep =
    options.actor !== "system" && options.actor.userId === existing.id ? options.actor.sessionId : undefined;
  const user = await getDb().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: existing.id },
      data: { passwordHash },
      select: userSelect,
    });
    const sessionsEnded = await endSessionsOfUser({
      tx,
      userId: existing.id,
      reason: "password_changed",
      exceptSessionId: keep,
    });
    await recordAuditEvent({
      tx,
      kind: "password_reset",
      actor: options.actor,
      userId: existing.id,
      clientAddress: options.clientAddress,
      detail: { sessionsEnded },
    });
    return updated;
  });
  logger.info("user password set", { userId: user.id, by: actorLabel(options.actor) });
  return toDto(user);
}

/**
 * A password too easy to guess (keyboard walks, repeats, dates, the person's own email or name) is refused beside
 * its field, with the estimator's hint. The estimate runs in the worker pool: on crafted input it costs tens of
 * milliseconds of CPU, which must not stall other requests.
 */
async function assertPasswordStrongEnough(options: {
  password: string;
  person: { email: string; name: string };
  field: string;
  /** The command line and start-up (actor "system") serve no requests: they estimate in their own thread. */
  actor: UserAdminActor;
}): Promise<void> {
  const input = { password: options.password, ...options.person };
  const issue =
    options.actor === "system"
      ? passwordStrengthIssue(input)
      : await runOffLoop("passwordStrengthIssue", input);
  if (!issue) return;
  throw new AppError({
    code: "validation_failed",
    message: "password too easy to guess",
    userMessage: issue,
    details: { fields: [{ path: options.field, message: issue }] },
  });
}

function wrongCurrentPassword(): AppError {
  return new AppError({
    code: "validation_failed",
    message: "current password did not match",
    userMessage: "Your current password is not right.",
    details: { fields: [{ path: "currentPassword", message: "This is not your current password" }] },
  });
}

/**
 * A signed-in person changes their own password, proving it with the current one. Every other session of
 * theirs ends; the one they are using stays signed in.
 */
export async function changeOwnPassword(
  options: ChangeOwnPasswordInput & { actor: Actor } & Origin,
): Promise<{ endedSessions: number }> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const input = parseInput({
    schema: ChangeOwnPasswordInput,
    input: {
      currentPassword: options.currentPassword,
      newPassword: options.newPassword,
      confirmPassword: options.confirmPassword,
    },
  });
  const current = await getDb().user.findUniqueOrThrow({
    where: { id: options.actor.userId },
    select: { passwordHash: true, email: true, name: true },
  });
  await assertPasswordStrongEnough({
    password: input.newPassword,
    person: current,
    field: "newPassword",
    actor: options.actor,
  });
  if (!(await verifyPassword({ hash: current.passwordHash, password: input.currentPassword })))
    throw wrongCurrentPassword();
  const passwordHash = await hashPassword({ password: input.newPassword });
  const endedSessions = await getDb().$transaction(async (tx) => {
    // Compare-and-set on the old hash: two changes at once cannot both win with different new passwords.
    const { count } = await tx.user.updateMany({
      where: { id: options.actor.userId, passwordHash: current.passwordHash },
      data: { passwordHash },
    });
    if (count === 0) throw wrongCurrentPassword();
    const ended = await endSessionsOfUser({
      tx,
      userId: options.actor.userId,
      reason: "password_changed",
      exceptSessionId: options.actor.sessionId,
    });
    await recordAuditEvent({
      tx,
      kind: "password_changed",
      actor: options.actor,
      userId: options.actor.userId,
      clientAddress: options.clientAddress,
      detail: { sessionsEnded: ended },
    });
    return ended;
  });
  logger.info("user changed own password", { userId: options.actor.userId, endedSessions });
  return { endedSessions };
}

export async function listUsers(options: { actor: UserAdminActor }): Promise<UserDto[]> {
  assertCanManage(options.actor);
  const rows = await getDb().user.findMany({
    select: userSelect,
    orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }],
  });
  return rows.map(toDto);
}
