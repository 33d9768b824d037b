import "server-only";

import { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";

import type { CarriedNote, RemovedNote } from "./publication-plan";
import type { RevisionContent, RevisionCredit, StoryImage } from "./revision-content";
import type { RevisionDto, RevisionSummaryDto } from "./revision-dto";

/*
 * A revision is read in ONE query: its row, its author and its credits (joined with contributor names,
 * aggregated in credit order), so reading a revision or a page of history is a single round trip.
 */

/** The columns a history row needs: no content, so long bodies are never read for a timeline. */
export const revisionSummaryColumns = Prisma.sql`
  r.number, r.created_at, r.kind::text AS kind, r.base_number, r.summary, r.public_note, r.published_at,
  r.internal_note, r.carried_notes, r.removed_notes,
  json_build_object('id', u.id, 'name', u.name) AS author,
  COALESCE((
    SELECT json_agg(json_build_object('contributorId', c.id, 'name', c.name, 'role', k.role, 'location', k.location) ORDER BY k.position)
      FROM credits k JOIN contributors c ON c.id = k.contributor_id
     WHERE k.revision_id = r.id
  ), '[]'::json) AS credits`;

export const revisionColumns = Prisma.sql`${revisionSummaryColumns},
  r.content_hash, r.headline, r.dek, r.byline, r.body, r.images, r.developing`;

/** FROM clause for both column lists: `r` is the revision, `u` its author. */
export const revisionFrom = Prisma.sql`revisions r JOIN users u ON u.id = r.author_id`;

export type RevisionSummaryRow = {
  number: number;
  created_at: Date;
  kind: RevisionKind;
  base_number: number | null;
  summary: string | null;
  public_note: string | null;
  published_at: Date | null;
  internal_note: string | null;
  carried_notes: unknown;
  removed_notes: unknown;
  author: { id: string; name: string };
  credits: RevisionCredit[];
};

export type RevisionRow = RevisionSummaryRow & {
  content_hash: string;
  headline: string;
  dek: string;
  byline: string;
  body: string;
  images: unknown;
  developing: boolean;
};

export function toRevisionSummaryDto(row: RevisionSummaryRow): RevisionSummaryDto {
  return {
    number: row.number,
    createdAt: row.created_at.toISOString(),
    author: row.author,
    kind: row.kind,
    baseNumber: row.base_number,
    summary: row.summary,
    publicNote: row.public_note,
    internalNote: row.internal_note,
    // Written only by appendRevision, in these shapes.
    carriedNotes: row.carried_notes as CarriedNote[],
    removedNotes: row.removed_notes as RemovedNote[],
    credits: row.credits.map((credit) => ({ ...credit, location: credit.location ?? null })),
    published: row.published_at !== null,
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

export function toRevisionContent(row: RevisionRow): RevisionContent {
  return {
    headline: row.headline,
    dek: row.dek,
    byline: row.byline,
    body: row.body,
    // Stored only after validation with StoryImageInput, so the JSON column holds that shape.
    images: row.images as StoryImage[],
    credits: toRevisionSummaryDto(row).credits,
    developing: row.developing,
  };
}

export function toRevisionDto(row: RevisionRow): RevisionDto {
  return { ...toRevisionSummaryDto(row), content: toRevisionContent(row) };
}
