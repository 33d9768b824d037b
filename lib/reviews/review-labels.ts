import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

import { reviewLabel, type ReviewLabel } from "./story-review";

/** The review label of each listed story that has one (the desk's story list), in one query. */
export async function reviewLabelsOf(options: {
  actor: Actor;
  slugs: readonly string[];
}): Promise<Map<string, ReviewLabel>> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  if (options.slugs.length === 0) return new Map();
  const rows = await getDb().$queryRaw<
    { slug: string; state: string; contentHash: string; liveHash: string | null }[]
  >`
    SELECT DISTINCT ON (s.id) s.slug, rq.state::text AS state, rq.content_hash AS "contentHash",
           lv.content_hash AS "liveHash"
      FROM stories s
      JOIN review_requests rq ON rq.story_id = s.id
      LEFT JOIN revisions lv ON lv.story_id = s.id AND lv.number = s.live_revision_number
     WHERE s.slug = ANY(${[...options.slugs]}::text[])
     ORDER BY s.id, rq.submitted_at DESC, rq.id DESC`;
  const labels = new Map<string, ReviewLabel>();
  for (const row of rows) {
    const label = reviewLabel({ current: row, liveHash: row.liveHash });
    if (label) labels.set(row.slug, label);
  }
  return labels;
}
