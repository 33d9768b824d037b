import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import type { Actor } from "./actor";
import { needsSecondFactorSetup } from "./second-factor/enrollment-only";
import { isSessionOpen } from "./sessions";

/**
 * The actor for a user id, read fresh from the database on every request, so deactivation and role
 * changes apply at the next request even while a session cookie or token is still valid. A browser
 * session also needs its server-side session row to be open: sign-out, password changes and
 * "sign out everywhere" end it.
 */
export async function loadActiveActor(options: {
  userId: string;
  via: Actor["via"];
  sessionId?: string;
}): Promise<Actor | null> {
  if (
    options.via === "session" &&
    !(options.sessionId && (await isSessionOpen({ sessionId: options.sessionId, userId: options.userId })))
  )
    return null;
  const user = await getDb().user.findUnique({
    where: { id: options.userId },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user?.active) return null;
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    via: options.via,
  };
  if (options.sessionId) actor.sessionId = options.sessionId;
  if (options.via === "session" && (await needsSecondFactorSetup({ actor })))
    actor.secondFactorSetupRequired = true;
  return actor;
}

/**
 * The command line acting as a named person, for work where who acts matters (a legal removal's two admins):
 * the same active-user and role checks as a request, with no session or token. Unknown or deactivated → not_found.
 */
export async function loadCommandLineActor(options: { email: string }): Promise<Actor> {
  const user = await getDb().user.findUnique({ where: { email: options.email }, select: { id: true } });
  const actor = user ? await loadActiveActor({ userId: user.id, via: "command_line" }) : null;
  if (!actor) {
    throw new AppError({
      code: "not_found",
      message: `no active user ${options.email} for the command line`,
      userMessage: `No active user with the email ${options.email}.`,
    });
  }
  return actor;
}
