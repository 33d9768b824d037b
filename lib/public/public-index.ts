import "server-only";

import { getDb } from "@/lib/db/client";

import { publicStorySql } from "./public-visibility";

export type PublicIndexEntry = {
  slug: string;
  headline: string;
  dek: string;
  byline: string;
  /** Names of the live revision's byline credits, in order. */
  authors: string[];
  developing: boolean;
  /** ISO instants. */
  firstPublishedAt: string;
  lastMaterialUpdateAt: string | null;
};

type IndexRow = {
  slug: string;
  headline: string;
  dek: string;
  byline: string;
  authors: string[];
  developing: boolean;
  first_published_at: Date;
  last_material_update_at: Date | null;
};

/**
 * Published stories, most recently updated first (last material update, else first publish), with their live
 * revision's headline. One query; stories never published or taken down are not listed.
 */
export async function listPublishedStories(options: { limit: number }): Promise<PublicIndexEntry[]> {
  const limit = Math.max(1, Math.min(options.limit, 200));
  const rows = await getDb().$queryRaw<IndexRow[]>`
    SELECT s.slug, r.headline, r.dek, r.byline, r.developing, s.first_published_at, s.last_material_update_at,
      ARRAY(
        SELECT p.name FROM credits c JOIN contributors p ON p.id = c.contributor_id
        WHERE c.revision_id = r.id AND c.role = 'byline' ORDER BY c.position
      ) AS authors
    FROM stories s
    JOIN revisions r ON r.story_id = s.id AND r.number = s.live_revision_number
    WHERE ${publicStorySql("s")}
    ORDER BY COALESCE(s.last_material_update_at, s.first_published_at) DESC, s.slug
    LIMIT ${limit}`;
  return rows.map((row) => ({
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    byline: row.byline,
    authors: row.authors,
    developing: row.developing,
    firstPublishedAt: row.first_published_at.toISOString(),
    lastMaterialUpdateAt: row.last_material_update_at?.toISOString() ?? null,
  }));
}
