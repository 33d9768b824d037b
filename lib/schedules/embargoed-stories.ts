import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

/** Which of these stories are under embargo, and until when (ISO), so the desk list can mark them. */
export async function embargoesOf(options: { actor: Actor; slugs: string[] }): Promise<Map<string, string>> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  if (options.slugs.length === 0) return new Map();
  const rows = await getDb().story.findMany({
    where: { slug: { in: options.slugs }, embargoUntil: { not: null } },
    select: { slug: true, embargoUntil: true },
  });
  return new Map(rows.map((row) => [row.slug, row.embargoUntil!.toISOString()]));
}
