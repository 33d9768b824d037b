import { Prisma } from "@/lib/db/generated/client";

/**
 * The one rule for what readers may see of a story, used by every public query (page, change log, diffs,
 * version endpoint, feeds, index and its JSON-LD, corrections page and feed, the withdrawal notice):
 *
 * - it has gone live (status published, a live revision, a first publication time), and
 * - it is not under embargo. An embargo ends when its job lifts it (lib/schedules/lift-embargo.ts): within
 *   seconds of its time and never before, so "nothing of it is public until then" cannot slip by a clock
 * race,   and the lift sets the times readers see before the first reader can see them.
 *
 * A withdrawn story answers with its notice (lib/public/story-withdrawal.ts) only when not under embargo
 * either.
 */
export type VisibilityRow = {
  status: string;
  liveRevisionNumber: number | null;
  firstPublishedAt: Date | null;
  embargoUntil: Date | null;
};

export function isUnderEmbargo(row: Pick<VisibilityRow, "embargoUntil">): boolean {
  return row.embargoUntil !== null;
}

export function isPubliclyVisible(row: VisibilityRow): boolean {
  return (
    row.status === "published" &&
    row.liveRevisionNumber !== null &&
    row.firstPublishedAt !== null &&
    !isUnderEmbargo(row)
  );
}

/**
 * The same rule as SQL for a `stories` row under `alias`, for raw queries that list stories or their notes.
 */
export function publicStorySql(alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`${table}.status = 'published' AND ${table}.live_revision_number IS NOT NULL AND ${table}.first_published_at IS NOT NULL AND ${table}.embargo_until IS NULL`;
}

/**
 * Stories whose history readers may see at all (corrections page: later unpublished or withdrawn stories
 * too).
 */
export function notEmbargoedSql(alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`${table}.embargo_until IS NULL`;
}
