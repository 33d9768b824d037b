import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

/** Who can be asked to review: active editors and admins, by name, never the person asking. */
export async function listReviewers(options: { actor: Actor }): Promise<{ id: string; name: string }[]> {
  assertCan({ actor: options.actor, permission: "review:submit" });
  return getDb().user.findMany({
    where: { active: true, role: { in: ["editor", "admin"] }, id: { not: options.actor.userId } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
