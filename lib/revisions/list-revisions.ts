import "server-only";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { getDb } from "../db/client";
import { storyNotFound } from "../stories/story-not-found";
import { parseInput } from "../validation/parse-input";
import { ListRevisionsInput } from "./list-revisions-input";
import type { RevisionSummaryDto } from "./revision-dto";
import { revisionSummarySelect, toRevisionSummaryDto } from "./revision-row";

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
  const { cursor, limit } = parseInput({ schema: ListRevisionsInput, input: { cursor: options.cursor, limit: options.limit } });
  const db = getDb();
  const story = await db.story.findUnique({ where: { slug: options.slug }, select: { id: true } });
  if (!story) throw storyNotFound({ slug: options.slug });
  const rows = await db.revision.findMany({
    where: { storyId: story.id, ...(cursor === undefined ? {} : { number: { lt: cursor } }) },
    orderBy: { number: "desc" },
    take: limit + 1,
    select: revisionSummarySelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    revisions: page.map(toRevisionSummaryDto),
    nextCursor: rows.length > limit && last ? String(last.number) : null,
  };
}
