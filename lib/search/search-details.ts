import "server-only";

import { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind, StoryStatus } from "@/lib/db/generated/enums";

import type { SearchQuery } from "./search-query";
import type { SearchField, SearchHit, SearchSnippet } from "./search-results";
import { highlightQuery, matchCondition } from "./search-sql";

/*
 * What a page of hits shows, read for that page's stories only: the story, the matched revision and its
 * snippets, and which revisions held the text (so "taken out in revision 4" and the diff link).
 */

type Tx = Prisma.TransactionClient;

// Private-use characters mark highlighted words inside ts_headline's output; any already in the text go first.
const startMark = "\uE000";
const stopMark = "\uE001";
const marks = Prisma.sql`'[\uE000\uE001]'`;
const whole = `HighlightAll=true, StartSel=${startMark}, StopSel=${stopMark}`;
const fragments = `MaxFragments=2, MaxWords=28, MinWords=10, ShortWord=2, FragmentDelimiter=" … ", StartSel=${startMark}, StopSel=${stopMark}`;
// The body is indexed up to this many characters (migration 20261208020000_search); snippets read the same part.
const bodyIndexed = 200_000;

const fields: { field: SearchField; text: Prisma.Sql; options: string }[] = [
  { field: "headline", text: Prisma.sql`r.headline`, options: whole },
  { field: "dek", text: Prisma.sql`r.dek`, options: fragments },
  { field: "byline", text: Prisma.sql`r.byline`, options: whole },
  {
    field: "credits",
    text: Prisma.sql`(SELECT string_agg(ct.name, ', ' ORDER BY c.position) FROM credits c
      JOIN contributors ct ON ct.id = c.contributor_id WHERE c.revision_id = r.id)`,
    options: whole,
  },
  { field: "body", text: Prisma.sql`left(r.body, ${bodyIndexed})`, options: fragments },
  {
    field: "captions",
    text: Prisma.sql`(SELECT string_agg(concat_ws(' — ', e->>'caption', e->>'credit'), ' · ')
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.images) = 'array' THEN r.images ELSE '[]' END) e)`,
    options: fragments,
  },
  { field: "summary", text: Prisma.sql`r.summary`, options: fragments },
  {
    field: "public_note",
    text: Prisma.sql`concat_ws(' · ', r.public_note, (SELECT string_agg(e->>'text', ' · ')
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.carried_notes) = 'array' THEN r.carried_notes ELSE '[]' END) e))`,
    options: fragments,
  },
  { field: "internal_note", text: Prisma.sql`r.internal_note`, options: fragments },
];

// At most this many passages per hit: enough to see why it matched, short enough to scan a page of them.
const snippetsPerHit = 3;
const heldInCap = 50;

type StoryRow = {
  storyId: string;
  slug: string;
  status: StoryStatus;
  developing: boolean;
  liveRevisionNumber: number | null;
  latestRevisionNumber: number;
  headline: string;
};
type RevisionRow = {
  revisionId: string;
  number: number;
  kind: RevisionKind;
  createdAt: Date;
  authorName: string;
  snippets: (string | null)[];
};
type HeldRow = {
  storyId: string;
  held: number[];
  inCurrent: boolean;
  goneIn: number | null;
  goneAt: Date | null;
};

/** Splits ts_headline's marked text into parts; null when nothing in it was highlighted. */
export function snippetParts(marked: string | null): SearchSnippet["parts"] | null {
  if (!marked || !marked.includes(startMark)) return null;
  const parts: SearchSnippet["parts"] = [];
  for (const [index, piece] of marked.split(startMark).entries()) {
    const [hit, rest] = index === 0 ? [null, piece] : piece.split(stopMark, 2);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest.replace(/\s+/g, " "), hit: false });
  }
  // Adjacent highlighted words read as one highlight ("Kyiv Ukraine" rather than two marks).
  return parts.reduce<SearchSnippet["parts"]>((merged, part) => {
    const last = merged.at(-1);
    if (last?.hit && part.hit) last.text += part.text;
    else if (last?.hit && !part.hit && /^\s+$/.test(part.text)) last.text += part.text;
    else merged.push({ ...part });
    return merged;
  }, []);
}

function deskPath(slug: string, rest: string): string {
  return `/desk/stories/${encodeURIComponent(slug)}/${rest}`;
}

/** The hits of one page, in the page's order. */
export async function readHitDetails(options: {
  tx: Tx;
  query: SearchQuery;
  scope: "live" | "all";
  page: { storyId: string; revisionId: string }[];
}): Promise<SearchHit[]> {
  const { tx, query, page } = options;
  if (page.length === 0) return [];
  const storyIds = page.map((hit) => hit.storyId);
  const revisionIds = page.map((hit) => hit.revisionId);
  const highlight = highlightQuery(query);
  const exact = matchCondition(query, { alike: false });

  const stories = await tx.$queryRaw<StoryRow[]>`
    SELECT s.id AS "storyId", s.slug, s.status::text AS status, s.developing,
           s.live_revision_number AS "liveRevisionNumber", s.latest_revision_number AS "latestRevisionNumber",
           cur.headline
      FROM stories s
      JOIN revisions cur ON cur.story_id = s.id
       AND cur.number = coalesce(s.live_revision_number, s.latest_revision_number)
     WHERE s.id = ANY (${storyIds}::uuid[])`;
  const revisions = await tx.$queryRaw<RevisionRow[]>`
    SELECT r.id AS "revisionId", r.number, r.kind::text AS kind, r.created_at AS "createdAt",
           u.name AS "authorName",
           ARRAY[${Prisma.join(
             fields.map(
               (field) =>
                 Prisma.sql`ts_headline('copydesk_search'::regconfig, regexp_replace(coalesce(${field.text}, ''), ${marks}, '', 'g'), h.q, ${field.options})`,
             ),
           )}] AS snippets
      FROM revisions r
      JOIN users u ON u.id = r.author_id
      JOIN search_documents d ON d.revision_id = r.id
      CROSS JOIN LATERAL (SELECT ${highlight} AS q) h
     WHERE r.id = ANY (${revisionIds}::uuid[])`;
  // Which revisions held the text: full-text matches for a hit found that way, look-alike names otherwise.
  const held = await tx.$queryRaw<HeldRow[]>`
    SELECT h.story_id AS "storyId", coalesce(h.exact, h.alike) AS held,
           CASE WHEN h.exact IS NULL THEN h.alike_current ELSE h.exact_current END AS "inCurrent",
           nx.number AS "goneIn", nx.created_at AS "goneAt"
      FROM (SELECT d.story_id,
                   array_agg(d.revision_number ORDER BY d.revision_number) FILTER (WHERE ${exact}) AS exact,
                   array_agg(d.revision_number ORDER BY d.revision_number) AS alike,
                   coalesce(bool_or(d.current) FILTER (WHERE ${exact}), false) AS exact_current,
                   bool_or(d.current) AS alike_current
              FROM search_documents d
             WHERE d.story_id = ANY (${storyIds}::uuid[]) AND ${matchCondition(query, { alike: true })}
             GROUP BY d.story_id) h
      LEFT JOIN LATERAL (SELECT r.number, r.created_at FROM revisions r
                          WHERE r.story_id = h.story_id
                            AND r.number > (coalesce(h.exact, h.alike))[cardinality(coalesce(h.exact, h.alike))]
                          ORDER BY r.number LIMIT 1) nx ON true`;

  const storyById = new Map(stories.map((row) => [row.storyId, row]));
  const revisionById = new Map(revisions.map((row) => [row.revisionId, row]));
  const heldByStory = new Map(held.map((row) => [row.storyId, row]));
  return page.flatMap((hit) => {
    const story = storyById.get(hit.storyId);
    const revision = revisionById.get(hit.revisionId);
    if (!story || !revision) return [];
    const heldRow = heldByStory.get(hit.storyId);
    const heldAll = heldRow?.held ?? [revision.number];
    const first = heldAll[0] ?? revision.number;
    const last = heldAll.at(-1) ?? revision.number;
    const gone =
      options.scope === "all" && heldRow?.goneIn != null && heldRow.goneAt
        ? { lastHeldIn: last, goneIn: heldRow.goneIn, goneAt: heldRow.goneAt.toISOString() }
        : null;
    const snippets = fields
      .map((field, index) => ({ field: field.field, parts: snippetParts(revision.snippets[index] ?? null) }))
      .filter((snippet): snippet is SearchSnippet => snippet.parts !== null)
      .slice(0, snippetsPerHit);
    const diff = gone
      ? deskPath(story.slug, `compare?from=${gone.lastHeldIn}&to=${gone.goneIn}`)
      : first > 1
        ? deskPath(story.slug, `compare?from=${first - 1}&to=${first}`)
        : null;
    return [
      {
        story: {
          slug: story.slug,
          status: story.status,
          developing: story.developing,
          headline: story.headline,
          liveRevisionNumber: story.liveRevisionNumber,
          latestRevisionNumber: story.latestRevisionNumber,
        },
        revision: {
          number: revision.number,
          kind: revision.kind,
          createdAt: revision.createdAt.toISOString(),
          authorName: revision.authorName,
        },
        snippets,
        heldIn: options.scope === "all" ? heldAll.slice(0, heldInCap) : [revision.number],
        inCurrent: options.scope === "all" ? (heldRow?.inCurrent ?? false) : true,
        gone,
        links: { revision: deskPath(story.slug, `revisions/${revision.number}`), diff },
      },
    ];
  });
}
