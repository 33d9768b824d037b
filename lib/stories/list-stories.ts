import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { malformedCursor } from "@/lib/validation/malformed-cursor";
import { parseInput } from "@/lib/validation/parse-input";

import { ListStoriesInput, type StoryReviewFilter } from "./list-stories-input";
import { toStoryDto, type StoryDto, type StoryFields } from "./story";

export type StoryPage = { stories: StoryDto[]; nextCursor: string | null };

type Row = Omit<StoryFields, "lastRevisedBy"> & { id: string; authorId: string; authorName: string };

/**
 * The desk's story list, most recently revised first: search by the newest revision's headline or by slug,
 * filter by status or by where a story stands in review. The cursor encodes the last row's (last revised, id) so pages never skip or repeat.
 */
export async function listStories(options: {
  actor: Actor;
  query?: string;
  status?: string;
  review?: string;
  cursor?: string;
  limit?: number | string;
}): Promise<StoryPage> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const input = parseInput({
    schema: ListStoriesInput,
    input: {
      query: options.query || undefined,
      status: options.status || undefined,
      review: options.review || undefined,
      cursor: options.cursor || undefined,
      limit: options.limit,
    },
  });
  const after = input.cursor ? decodeCursor({ cursor: input.cursor }) : null;
  const pattern = input.query ? `%${input.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;

  const rows = await getDb().$queryRaw<Row[]>`
    SELECT s.id, s.slug, s.status::text AS status, s.developing, s.first_published_at AS "firstPublishedAt",
           s.last_material_update_at AS "lastMaterialUpdateAt", s.latest_revision_number AS "latestRevisionNumber",
           s.live_revision_number AS "liveRevisionNumber", s.last_revised_at AS "lastRevisedAt", r.headline,
           s.legal_removal_count AS "legalRemovalCount",
           u.id AS "authorId", u.name AS "authorName"
      FROM stories s
      JOIN revisions r ON r.story_id = s.id AND r.number = s.latest_revision_number
      JOIN users u ON u.id = r.author_id
     WHERE TRUE
       ${input.status ? Prisma.sql`AND s.status = ${input.status}::"StoryStatus"` : Prisma.empty}
       ${input.review ? reviewCondition(input.review) : Prisma.empty}
       ${pattern ? Prisma.sql`AND (r.headline ILIKE ${pattern} OR s.slug ILIKE ${pattern})` : Prisma.empty}
       ${after ? Prisma.sql`AND (s.last_revised_at, s.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY s.last_revised_at DESC, s.id DESC
     LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    stories: page.map(({ authorId, authorName, ...row }) =>
      toStoryDto({ ...row, lastRevisedBy: { id: authorId, name: authorName } }),
    ),
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(`${last.lastRevisedAt.toISOString()}|${last.id}`).toString("base64url")
        : null,
  };
}

/** The story's newest review request, read only when the list is filtered by review. */
const newestRequest = Prisma.sql`(SELECT rq.state::text AS state, rq.content_hash FROM review_requests rq
   WHERE rq.story_id = s.id ORDER BY rq.submitted_at DESC, rq.id DESC LIMIT 1)`;

function reviewCondition(filter: StoryReviewFilter): Prisma.Sql {
  switch (filter) {
    case "in_review":
      return Prisma.sql`AND EXISTS (SELECT 1 FROM ${newestRequest} rr WHERE rr.state = 'waiting')`;
    case "changes_requested":
      return Prisma.sql`AND EXISTS (SELECT 1 FROM ${newestRequest} rr WHERE rr.state = 'changes_requested')`;
    case "approved_unpublished":
      return Prisma.sql`AND EXISTS (SELECT 1 FROM ${newestRequest} rr WHERE rr.state = 'approved'
        AND rr.content_hash IS DISTINCT FROM (SELECT lv.content_hash FROM revisions lv
          WHERE lv.story_id = s.id AND lv.number = s.live_revision_number))`;
    case "unpublished_drafts":
      return Prisma.sql`AND (s.live_revision_number IS NULL OR s.latest_revision_number > s.live_revision_number)`;
  }
}

function decodeCursor(options: { cursor: string }): { at: string; id: string } {
  const [at, id] = Buffer.from(options.cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw malformedCursor({ list: "story list" });
  }
  return { at, id };
}
