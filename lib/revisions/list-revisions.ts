import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { assertPossibleSlug, storyNotFound } from "@/lib/stories/story";
import { malformedCursor } from "@/lib/validation/malformed-cursor";
import { parseInput } from "@/lib/validation/parse-input";
import { maxStoredInteger, wholeNumberText } from "@/lib/validation/whole-number-text";

import type { RevisionSummaryDto } from "./revision-dto";
import { revisionSummaryColumns, toRevisionSummaryDto, type RevisionSummaryRow } from "./revision-row";

/**
 * A page of history: `cursor` is the opaque `nextCursor` of the previous page. Query strings arrive as text.
 */
export const ListRevisionsInput = z.strictObject({
  cursor: z.union([z.string(), z.number()]).optional(),
  limit: wholeNumberText({ example: "20", max: 100 }).default(20),
});
export type ListRevisionsInput = z.infer<typeof ListRevisionsInput>;

export type RevisionPage = { revisions: RevisionSummaryDto[]; nextCursor: string | null };

/**
 * A page of a story's history, newest first. The cursor is the number below which the next page starts,
 * read through the (story, number) index, so a page costs the same for 3 revisions or 10,000.
 */
export async function listRevisions(options: {
  actor: Actor;
  slug: string;
  cursor?: string | number;
  limit?: number | string;
}): Promise<RevisionPage> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  assertPossibleSlug({ slug: options.slug });
  const input = parseInput({
    schema: ListRevisionsInput,
    input: { cursor: options.cursor, limit: options.limit },
  });
  const { limit } = input;
  const cursor = input.cursor === undefined ? undefined : decodeCursor({ cursor: String(input.cursor) });
  // The page is cut from the (story, number) index first; author and credits are joined for those rows only.
  const rows = await getDb().$queryRaw<RevisionSummaryRow[]>`
    SELECT ${revisionSummaryColumns}
      FROM (SELECT id, number, created_at, kind, base_number, summary, public_note, published_at, author_id,
                   internal_note, carried_notes, removed_notes
              FROM revisions
             WHERE story_id = (SELECT id FROM stories WHERE slug = ${options.slug})
                   ${cursor === undefined ? Prisma.empty : Prisma.sql`AND number < ${cursor}`}
             ORDER BY number DESC
             LIMIT ${limit + 1}) r
      JOIN users u ON u.id = r.author_id
     ORDER BY r.number DESC`;
  // An empty page is the end of the history, or an unknown story: only then is the story looked up.
  if (
    rows.length === 0 &&
    !(await getDb().story.findUnique({ where: { slug: options.slug }, select: { id: true } }))
  ) {
    throw storyNotFound({ slug: options.slug });
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    revisions: page.map((row) => toRevisionSummaryDto(row)),
    nextCursor: rows.length > limit && last ? String(last.number) : null,
  };
}

/** A history cursor is the revision number the next page starts below, as `nextCursor` handed it out. */
function decodeCursor(options: { cursor: string }): number {
  const number = /^[1-9][0-9]{0,9}$/.test(options.cursor) ? Number(options.cursor) : NaN;
  if (!(number <= maxStoredInteger)) throw malformedCursor({ list: "revision history" });
  return number;
}
