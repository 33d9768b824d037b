import "server-only";

import { Prisma } from "@/lib/db/generated/client";
import { publicStorySql } from "@/lib/public/public-visibility";

import type { SearchInput } from "./search-input";
import { typoWords, type SearchQuery, type SearchTerm } from "./search-query";

/*
 * The SQL pieces of a search, all over `search_documents d` (and, for filters, `revisions r` and `stories s`).
 * Every piece of what people typed reaches PostgreSQL as a bound parameter, never as SQL text.
 */

// Names need this much of a typed word (pg_trgm word similarity) to count as the same name misspelt:
// "Zelensky" and "Zelenskyy" share 8 of 9 trigrams (0.89); unrelated words of the same length rarely pass 0.6.
export const nameSimilarity = 0.6;

/** How many tsquery nodes each term makes, in order (clauses, then excluded): 0 for a stop word alone. */
export function termNodes(query: SearchQuery): Prisma.Sql {
  const terms = [...query.clauses.flat(), ...query.excluded];
  return Prisma.sql`SELECT ARRAY[${Prisma.join(terms.map((term) => Prisma.sql`numnode(${termQuery(term)})`))}]::int[] AS nodes`;
}

/**
 * The query without terms that are only stop words ("the", "of"), which match no document: kept in, they
 * would make their clause match nothing.
 */
export function withoutStopWords(query: SearchQuery, nodes: number[]): SearchQuery {
  let position = 0;
  const keep = () => (nodes[position++] ?? 1) > 0;
  const clauses = query.clauses.map((clause) => clause.filter(keep)).filter((clause) => clause.length > 0);
  const excluded = query.excluded.filter(keep);
  return { clauses, excluded };
}

function termQuery(term: SearchTerm): Prisma.Sql {
  // plainto/phraseto: what the term holds is words, never tsquery operators.
  return term.kind === "phrase"
    ? Prisma.sql`phraseto_tsquery('copydesk_search'::regconfig, ${term.text})`
    : Prisma.sql`plainto_tsquery('copydesk_search'::regconfig, ${term.text})`;
}

function anyOf(terms: SearchTerm[]): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(terms.map(termQuery), " || ")})`;
}

/** The tsquery of what must match: each clause's terms ORed, the clauses ANDed. */
export function positiveQuery(query: SearchQuery): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(query.clauses.map(anyOf), " && ")})`;
}

/** The tsquery of the excluded terms, ORed (a document matching any of them is left out), or null. */
export function excludedQuery(query: SearchQuery): Prisma.Sql | null {
  return query.excluded.length > 0 ? anyOf(query.excluded) : null;
}

function typed(word: string): Prisma.Sql {
  return Prisma.sql`lower(copydesk_unaccent(${word}))`;
}

/**
 * Whether `d` matches: every clause matches the weighted document, or (`alike`, for a clause of plain words of
 * four letters or more) one of its words is close to a name in it, so "Zelensky" finds "Zelenskyy"; and no
 * excluded term is in the document. Each side of each clause can use its own GIN index.
 */
export function matchCondition(query: SearchQuery, options: { alike: boolean }): Prisma.Sql {
  const words = options.alike ? typoWords(query) : null;
  const clauses = query.clauses.map((clause, position) => {
    const exact = Prisma.sql`d.document @@ ${anyOf(clause)}`;
    const names = words?.[position];
    if (!names) return exact;
    const close = names.map((word) => Prisma.sql`d.names %> ${typed(word)}`);
    return Prisma.sql`(${exact} OR ${Prisma.join(close, " OR ")})`;
  });
  const excluded = excludedQuery(query);
  return Prisma.sql`(${Prisma.join(clauses, " AND ")}${
    excluded ? Prisma.sql` AND NOT (d.document @@ ${excluded})` : Prisma.empty
  })`;
}

/**
 * A revision's score: a full-text match (1 + ts_rank, headline words weighing most) outranks a name that only
 * looks alike (half its closeness, under 1). Closeness is computed only for the rows full text did not match:
 * word_similarity over every row of a common word's thousands of hits costs ten times the rest of the search.
 */
export function rankExpression(query: SearchQuery): Prisma.Sql {
  const positive = positiveQuery(query);
  const words = (typoWords(query) ?? []).flatMap((clause) => clause ?? []);
  const closeness = words.length
    ? Prisma.sql`0.5 * (${Prisma.join(
        words.map((word) => Prisma.sql`word_similarity(${typed(word)}, d.names)`),
        " + ",
      )}) / ${words.length}`
    : Prisma.sql`0`;
  return Prisma.sql`(CASE WHEN d.document @@ ${positive} THEN 1 + ts_rank(d.document, ${positive})::float8 ELSE ${closeness} END)::float8`;
}

/**
 * The tsquery that highlights snippets: the query's own terms, and for a name matched with a typo the names
 * in this revision that are like it (so "Zelensky" highlights "Zelenskyy").
 */
export function highlightQuery(query: SearchQuery): Prisma.Sql {
  // Any term, not all of them: a passage is worth showing for one term, and ts_headline picks passages that
  // hold its whole query (a headline word ANDed in would leave the body with no passage).
  const positive = anyOf(query.clauses.flat());
  const words = (typoWords(query) ?? []).flatMap((clause) => clause ?? []);
  if (words.length === 0) return positive;
  const alike = Prisma.sql`(SELECT string_agg(DISTINCT quote_literal(w), ' | ')
      FROM regexp_split_to_table(d.names, '\\s+') w
     WHERE ${Prisma.join(
       words.map((word) => Prisma.sql`similarity(w, ${typed(word)}) >= 0.5`),
       " OR ",
     )})`;
  return Prisma.sql`(${positive} || coalesce(to_tsquery('copydesk_search'::regconfig, ${alike}), ''::tsquery))`;
}

/** The filters of the search form, over the matched revision `r` and its story `s`. */
export function filterConditions(options: {
  input: SearchInput;
  start: Date | null;
  end: Date | null;
}): Prisma.Sql {
  const { input, start, end } = options;
  const conditions: Prisma.Sql[] = [];
  if (input.status) conditions.push(Prisma.sql`s.status = ${input.status}::"StoryStatus"`);
  if (input.author) conditions.push(Prisma.sql`r.author_id = ${input.author}::uuid`);
  if (input.contributor)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM credits c WHERE c.revision_id = r.id AND c.contributor_id = ${input.contributor}::uuid)`,
    );
  if (input.kind) conditions.push(Prisma.sql`r.kind = ${input.kind}::"RevisionKind"`);
  if (start) conditions.push(Prisma.sql`r.created_at >= ${start}`);
  if (end) conditions.push(Prisma.sql`r.created_at < ${end}`);
  if (input.developing) conditions.push(Prisma.sql`s.developing = ${input.developing === "yes"}`);
  if (input.live === "yes") conditions.push(publicStorySql("s"));
  if (input.live === "no") conditions.push(Prisma.sql`NOT (${publicStorySql("s")})`);
  if (input.correction) {
    const corrected = Prisma.sql`EXISTS (SELECT 1 FROM revisions rc WHERE rc.story_id = s.id
      AND rc.kind = 'correction' AND rc.published_at IS NOT NULL)`;
    conditions.push(input.correction === "yes" ? corrected : Prisma.sql`NOT ${corrected}`);
  }
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}
