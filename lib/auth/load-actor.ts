import "server-only";
import { getDb } from "../db/client";
import type { Actor } from "./actor";

/**
 * The actor for a user id, read fresh from the database on every request, so deactivation and role
 * changes apply at the next request even while a session cookie or token is still valid.
 */
export async function loadActiveActor(options: { userId: string; via: Actor["via"] }): Promise<Actor | null> {
  const user = await getDb().user.findUnique({
    where: { id: options.userId },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user?.active) return null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: options.via };
}
