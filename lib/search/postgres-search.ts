import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { sqlStateOf } from "@/lib/db/connection-loss";
import { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

import { decodeSearchCursor, encodeSearchCursor, type SearchCursor } from "./search-cursor";
import { readHitDetails } from "./search-details";
import type { SearchEngine } from "./search-engine";
import type { SearchInput } from "./search-input";
import { readSearchDates, readSearchQuery, typoWords, type SearchQuery } from "./search-query";
import type { SearchPage } from "./search-results";
import {
  filterConditions,
  matchCondition,
  nameSimilarity,
  rankExpression,
  termNodes,
  withoutStopWords,
} from "./search-sql";

// A search that needs longer than this is cancelled by PostgreSQL and the person is asked to narrow it; well
// under the request's own limit (lib/db/database-timeouts.ts), so the answer is this sentence, not a 503.
export const searchBudgetMs = 3_000;

type PageRow = { storyId: string; revisionId: string; rank: number };

/** PostgreSQL cancelled the search at its budget: a sentence that says what to do, as a 503. */
export function searchTimeout(error: unknown): AppError | null {
  // 57014: query_canceled, which is what statement_timeout raises.
  if (sqlStateOf(error) !== "57014") return null;
  return new AppError({
    code: "unavailable",
    message: `search exceeded ${searchBudgetMs} ms`,
    userMessage: "Search took too long; add a word or a filter and try again.",
    cause: error,
  });
}

function onlyCommonWords(): AppError {
  const message =
    'Only very common words here (like "the" or "of"), which search leaves out; add a word that says what you are looking for.';
  return new AppError({
    code: "validation_failed",
    message: "search query has no lexemes",
    userMessage: message,
    details: { fields: [{ path: "q", message }] },
  });
}

type Pass = { alike: boolean; after: SearchCursor | null; limit: number };

/**
 * One pass over the documents. Exact (full-text) matches score 1 or more and look-alike names less than 1, so
 * the look-alike pass (`alike`: stories with no full-text match, rank < 1) continues where the exact pass ends.
 */
async function findRows(options: {
  tx: Prisma.TransactionClient;
  input: SearchInput;
  query: SearchQuery;
  pass: Pass;
}): Promise<PageRow[]> {
  const { tx, input, query, pass } = options;
  const { start, end } = readSearchDates({
    from: input.from,
    to: input.to,
    zone: getEnv().NEWSROOM_TIME_ZONE,
  });
  const needsRevision = Boolean(input.author || input.contributor || input.kind || start || end);
  const needsStory = Boolean(input.status || input.developing || input.live || input.correction);
  const { after } = pass;
  const conditions = [
    ...(pass.alike ? [Prisma.sql`rank < 1`] : []),
    ...(after
      ? [
          Prisma.sql`(rank < ${after.rank}::float8 OR (rank = ${after.rank}::float8 AND story_id > ${after.storyId}::uuid))`,
        ]
      : []),
  ];
  return tx.$queryRaw<PageRow[]>`
    WITH best AS (
      SELECT DISTINCT ON (d.story_id) d.story_id, d.revision_id, ${rankExpression(query)} AS rank
        FROM search_documents d
        ${needsRevision ? Prisma.sql`JOIN revisions r ON r.id = d.revision_id` : Prisma.empty}
        ${needsStory ? Prisma.sql`JOIN stories s ON s.id = d.story_id` : Prisma.empty}
       WHERE ${input.scope === "live" ? Prisma.sql`d.current AND` : Prisma.empty}
             ${matchCondition(query, { alike: pass.alike })}
             ${filterConditions({ input, start, end })}
       ORDER BY d.story_id, rank DESC, d.revision_number DESC
    )
    SELECT story_id AS "storyId", revision_id AS "revisionId", rank
      FROM best
     ${conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
     ORDER BY rank DESC, story_id
     LIMIT ${pass.limit}`;
}

/**
 * A page of hits, best first: full-text matches, then names that only look alike. The look-alike pass (pg_trgm
 * over every name) runs only when the exact one leaves the page short, so a common word never pays for it.
 */
async function findPage(options: {
  tx: Prisma.TransactionClient;
  input: SearchInput;
  query: SearchQuery;
}): Promise<PageRow[]> {
  const { tx, input, query } = options;
  const after = decodeSearchCursor(input);
  const wanted = input.limit + 1;
  const exact =
    after && after.rank < 1
      ? []
      : await findRows({ tx, input, query, pass: { alike: false, after, limit: wanted } });
  if (exact.length >= wanted || !typoWords(query)) return exact;
  const alike = await findRows({
    tx,
    input,
    query,
    pass: { alike: true, after: after && after.rank < 1 ? after : null, limit: wanted - exact.length },
  });
  return [...exact, ...alike];
}

/**
 * Search in PostgreSQL: weighted full text (search_documents.document, GIN) and typo-tolerant names (pg_trgm),
 * one hit per story by its best revision, ranked, a page at a time.
 */
export const postgresSearch: SearchEngine = {
  async search({ actor, input }: { actor: Actor; input: SearchInput }): Promise<SearchPage> {
    // Every desk role reads every story (desk:read), internal notes included: they are the newsroom's.
    assertCan({ actor, permission: "desk:read" });
    const typed = readSearchQuery(input.q);
    try {
      return await getDb().$transaction(async (tx) => {
        // For this transaction only, in one round trip. A common word across every revision sorts hundreds of
        // thousands of (story, score) rows: in memory, not on disk; and JIT compiling such a plan costs more
        // than it saves at these sizes.
        await tx.$queryRaw`SELECT set_config('statement_timeout', ${String(searchBudgetMs)}, true),
          set_config('pg_trgm.word_similarity_threshold', ${String(nameSimilarity)}, true),
          set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`;
        const [{ nodes }] = (await tx.$queryRaw<{ nodes: number[] }[]>(termNodes(typed))) as [
          { nodes: number[] },
        ];
        const query = withoutStopWords(typed, nodes);
        if (query.clauses.length === 0) throw onlyCommonWords();
        const rows = await findPage({ tx, input, query });
        const page = rows.slice(0, input.limit);
        const hits = await readHitDetails({ tx, query, scope: input.scope, page });
        const last = page.at(-1);
        return {
          scope: input.scope,
          hits,
          nextCursor:
            rows.length > input.limit && last
              ? encodeSearchCursor({ input, cursor: { rank: last.rank, storyId: last.storyId } })
              : null,
        };
      });
    } catch (error) {
      throw searchTimeout(error) ?? error;
    }
  },
};
