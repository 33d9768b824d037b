import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

/*
 * What the desk search form offers in its "Saved by" and "Credited" filters. Search itself checks every value
 * again (lib/search/search-input.ts); these lists only spare people from typing ids.
 */

export type SearchChoice = { id: string; name: string };
export type SearchChoices = { people: SearchChoice[]; contributors: SearchChoice[] };

// A select box stops helping long before this; the cap keeps the page light on a very large archive.
const listed = 2_000;

export async function readSearchChoices(options: { actor: Actor }): Promise<SearchChoices> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const db = getDb();
  // Everyone with a desk account may have saved a revision, deactivated people included (their revisions
  // stay). Listing people rather than scanning revisions for authors keeps this cheap on a large archive.
  const [people, contributors] = await Promise.all([
    db.user.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: listed,
      select: { id: true, name: true },
    }),
    db.contributor.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: listed,
      select: { id: true, name: true },
    }),
  ]);
  return { people, contributors };
}
