import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";

import { countFactors, hasSecondFactor, isSecondFactorRequired } from "./factor-status";

/**
 * Whether this browser session is enrollment-only: the policy requires a second factor of the person's role
 * and they have none. Read on every request, so setting one up makes the same session a full one, and turning
 * the policy on applies at the next click. A session opened through single sign-on is exempt: the identity
 * provider enforces its own policy (its sign_in event says method "sso").
 */
export async function needsSecondFactorSetup(options: { actor: Actor }): Promise<boolean> {
  const { userId, role, sessionId } = options.actor;
  if (!(await isSecondFactorRequired({ role }))) return false;
  if (hasSecondFactor(await countFactors({ userId }))) return false;
  if (!sessionId) return true;
  const sso = await getDb().authEvent.count({
    where: { userId, kind: "sign_in", method: "sso", detail: { path: ["sessionId"], equals: sessionId } },
  });
  return sso === 0;
}
