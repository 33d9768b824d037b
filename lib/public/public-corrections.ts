import "server-only";

import { z } from "zod";

import { getDb } from "@/lib/db/client";
import type { StoryStatus } from "@/lib/db/generated/enums";
import type { PublicNoteKind } from "@/lib/render/public-article";
import { parseInput } from "@/lib/validation/parse-input";

import { notEmbargoedSql } from "./public-visibility";

/** `/corrections?before=<ISO instant>`: the next page of older entries. */
export const PublicCorrectionsQueryInput = z.strictObject({
  before: z.iso.datetime({ offset: true, error: "that is not a page of the corrections list" }).optional(),
});
export type PublicCorrectionsQueryInput = z.infer<typeof PublicCorrectionsQueryInput>;

export type PublicCorrection = {
  slug: string;
  /** The headline readers know the story by: its live revision's. */
  headline: string;
  /**
   * Where the story stands now, which decides the link: a published story is linked, a withdrawn one too (its
   * address shows the withdrawal note), a quietly unpublished one is named but not linked to a 404.
   */
  storyStatus: Exclude<StoryStatus, "draft">;
  kind: PublicNoteKind | "withdrawal";
  note: string;
  /** ISO instant it was published (for a withdrawal, when the story was withdrawn). */
  publishedAt: string;
  /** Unique per story and kind of entry, for anchors and feed ids. */
  key: string;
};

export type PublicCorrectionsPage = { entries: PublicCorrection[]; nextBefore: string | null };

type CorrectionRow = {
  slug: string;
  status: Exclude<StoryStatus, "draft">;
  headline: string;
  kind: PublicCorrection["kind"];
  note: string;
  published_at: Date;
  key: string;
};

/**
 * Every correction, clarification and editor's note ever published, and every withdrawal notice, newest
 * first. Nothing readers were once shown drops out: a story later unpublished or withdrawn keeps its entries
 * here. Paged by time (`before`), so a page never repeats or skips an entry that arrived meanwhile.
 */
export async function listPublicCorrections(options: {
  query: unknown;
  limit: number;
}): Promise<PublicCorrectionsPage> {
  const { before } = parseInput({ schema: PublicCorrectionsQueryInput, input: options.query });
  const limit = Math.max(1, Math.min(options.limit, 200));
  const cutoff = before ? new Date(before) : new Date("9999-12-31T00:00:00Z");
  const rows = await getDb().$queryRaw<CorrectionRow[]>`
    SELECT * FROM (
      SELECT s.slug, s.status::text AS status, live.headline, r.kind::text AS kind, r.public_note AS note,
             r.published_at, 'r' || r.number AS key
      FROM revisions r
      JOIN stories s ON s.id = r.story_id
      JOIN revisions live ON live.story_id = s.id AND live.number = s.live_revision_number
      WHERE r.published_at IS NOT NULL AND r.published_at < ${cutoff} AND ${notEmbargoedSql("s")}
        AND r.kind IN ('correction', 'clarification', 'editors_note') AND r.public_note IS NOT NULL
      UNION ALL
      SELECT s.slug, s.status::text AS status, live.headline, 'withdrawal' AS kind, e.public_note AS note,
             e.created_at AS published_at, 'w' || e.id AS key
      FROM story_status_events e
      JOIN stories s ON s.id = e.story_id
      JOIN revisions live ON live.story_id = s.id AND live.number = s.live_revision_number
      WHERE e.action = 'withdraw' AND e.public_note IS NOT NULL AND e.created_at < ${cutoff} AND ${notEmbargoedSql("s")}
    ) entries
    ORDER BY published_at DESC, slug, key
    LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  let entries = rows.slice(0, limit);
  const boundary = entries.at(-1)?.published_at.getTime();
  if (more && rows[limit]?.published_at.getTime() === boundary) {
    // Entries sharing the last instant move to the next page together, so `before` never cuts between them.
    const whole = entries.filter((row) => row.published_at.getTime() !== boundary);
    if (whole.length > 0) entries = whole;
  }
  return {
    entries: entries.map((row) => ({
      slug: row.slug,
      headline: row.headline,
      storyStatus: row.status,
      kind: row.kind,
      note: row.note,
      publishedAt: row.published_at.toISOString(),
      key: `${row.slug}-${row.key}`,
    })),
    nextBefore: more ? (entries.at(-1)?.published_at.toISOString() ?? null) : null,
  };
}
