import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { AppError } from "@/lib/errors/app-error";

import type { Actor } from "./actor";
import { authOptions } from "./auth-options";
import { loadActiveActor } from "./load-actor";

/**
 * The signed-in actor for this request, or null when signed out, the session was ended, or deactivated. Reads
 * the user from the database on every request; within one server render (layout, page, components) the answer
 * is shared.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user.id;
  if (!userId) return null;
  return loadActiveActor({ userId, via: "session", sessionId: session.sessionId });
});

export function unauthenticatedError(): AppError {
  return new AppError({
    code: "unauthenticated",
    message: "no signed-in user",
    userMessage: "Your session has ended. Please sign in again.",
  });
}

export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw unauthenticatedError();
  return actor;
}
