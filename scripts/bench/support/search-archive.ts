import pg from "pg";

/*
 * A generated newsroom archive for the search benchmark (scripts/bench/90-search.ts): `stories` stories with
 * 1–19 revisions each (10 on average), written into the real tables with set-based SQL. Text is drawn from a
 * Zipf-like vocabulary (a few hundred real words at the head, syllable words for the long tail), so common words
 * sit in most documents and rare ones in a few, as in a real archive. Planted on purpose, to search for:
 * "ferry" (a topical word, about 1 % of revisions), "Zelenskyy" (about 1 % of stories), "Agnieszka Szczepańska" (a rare name, a handful of stories) and the phrase
 * "harbour bridge closure".
 *
 * Building 1,000,000 search documents one trigger call at a time takes far too long, so the search triggers are
 * disabled while rows are bulk-inserted; then the documents are built with the migration's own
 * copydesk_search_build() in batches, and the GIN indexes are created afterwards (far faster than keeping them
 * current row by row). The rows are the ones the triggers would have written.
 */

const realWords = `the of and to in a said on for that with was at by from as it is be has have will after
council city government police minister people year new state report court week million first public
health school water plan workers officials president election party national local office children
members company hospital budget road service market price energy housing families community rail bus
harbour bridge closure strike union wages talks deal vote law judge trial fire storm flood weather
power station airport border army war peace minister leader opposition campaign debate tax spending
business bank rates inflation jobs industry farmers food prices fuel transport traffic safety crime
investigation charges prison victims witnesses evidence study university research scientists data
climate river coast island village district county region capital streets residents neighbours
protest march rally crowd statement spokesperson agency department ministry committee inquiry review
contract project construction building tower park museum library theatre festival music film team
match season club players coach league cup final stadium fans record victory defeat injury transfer
doctors nurses patients treatment vaccine virus cases deaths emergency ambulance rescue survivors
damage repairs insurance claims court ruling appeal lawyers settlement sentence fine schools teachers
pupils exams parents funding grant charity volunteers donations church mayor governor senator
parliament cabinet reform policy proposal bill amendment regulation license permit zoning planning`
  .split(/\s+/)
  .filter(Boolean);

const firstNames =
  `Maria James Olena Chen Fatima Lucas Amara Ivan Sofia Daniel Priya Tomasz Aisha Mateo Hannah
Kwame Elena Yusuf Ingrid Rafael Mei Oskar Leila Samuel Nadia Pavel Grace Diego Zainab Henrik`.split(/\s+/);
const lastNames = `Kowalski Okafor Lindqvist Haddad Moreau Tanaka Petrenko Alvarez Brennan Nakamura Osei
Schmidt Rossi Novak Mensah Fischer Kaur Dubois Horvat Silva Jensen Popescu Yilmaz Andersen Mwangi Quinn
Bauer Costa Ivanova Murphy`.split(/\s+/);

export const searchedWord = "ferry";

export type ArchiveSummary = { stories: number; revisions: number; seconds: Record<string, number> };

async function step(
  client: pg.Client,
  seconds: Record<string, number>,
  label: string,
  sql: string,
  values: unknown[] = [],
): Promise<void> {
  const started = Date.now();
  await client.query(sql, values);
  seconds[label] = (seconds[label] ?? 0) + (Date.now() - started) / 1000;
}

/** Search triggers: disabled while the archive is bulk-written, enabled again afterwards. */
export async function searchTriggers(client: pg.Client): Promise<{ table: string; name: string }[]> {
  const { rows } = await client.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgname LIKE '%search%' ORDER BY 1, 2`,
  );
  return rows;
}

export async function setSearchTriggers(client: pg.Client, enabled: boolean): Promise<void> {
  for (const trigger of await searchTriggers(client))
    await client.query(
      `ALTER TABLE "${trigger.table}" ${enabled ? "ENABLE" : "DISABLE"} TRIGGER "${trigger.name}"`,
    );
}

export async function generateSearchArchive(options: {
  databaseUrl: string;
  stories: number;
  authorId: string;
  log: (line: string) => void;
}): Promise<ArchiveSummary> {
  const { stories, authorId, log } = options;
  const seconds: Record<string, number> = {};
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(
      "SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'; SET synchronous_commit = off; SET jit = off",
    );
    await client.query("SELECT setseed(0.25)");
    const vocabulary = 30_000;
    const sentences = Math.max(2_000, stories * 2);
    await step(
      client,
      seconds,
      "text",
      `CREATE TEMP TABLE bench_words AS
       SELECT ordinality::int AS i, w FROM unnest($1::text[]) WITH ORDINALITY w
       UNION ALL
       SELECT cardinality($1::text[]) + g,
              s[1 + g % 40] || s[1 + (g / 40) % 40] || CASE WHEN g >= 1600 THEN s[1 + (g / 1600) % 40] ELSE '' END
         FROM (SELECT ARRAY['ba','ke','lor','mi','sun','ta','vel','dro','nim','pa','cor','fen','gal','hu','is',
                 'jun','ko','lem','mar','nev','or','pel','quin','ros','sal','tem','ul','var','wen','yor','zan',
                 'bri','cla','dun','eth','fro','gri','hol','ist','kel'] AS s) syllables,
              generate_series(1, $2::int - cardinality($1::text[])) g`,
      [realWords, vocabulary],
    );
    // The searched word sits where a topical word does in real news (rank 3,000: in about 1 % of documents).
    await client.query("UPDATE bench_words SET w = $1 WHERE i = 3000", [searchedWord]);
    await client.query("ANALYZE bench_words");
    // Sentences of 14 Zipf-drawn words; some quote a person, a few the planted names and phrase.
    await step(
      client,
      seconds,
      "text",
      `CREATE TEMP TABLE bench_sentences AS
       SELECT p.i, upper(left(string_agg(w.w, ' '), 1)) || substr(string_agg(w.w, ' '), 2)
              || CASE WHEN p.i % 1000 = 3 THEN ' after the harbour bridge closure' ELSE '' END
              || CASE WHEN p.i % 2000 = 7 THEN ', President Volodymyr Zelenskyy said'
                      WHEN p.i IN ($2::int / 3, 2 * ($2::int / 3)) THEN ', said Agnieszka Szczepańska'
                      WHEN p.i % 13 = 0 THEN ', said ' || ($3::text[])[1 + p.i % 30] || ' ' || ($4::text[])[1 + (p.i / 30) % 30]
                      ELSE '' END || '.' AS s
         FROM (SELECT i, floor(exp(random() * ln($1::int)))::int AS word
                 FROM generate_series(1, $2::int) i, generate_series(1, 14) k) p
         JOIN bench_words w ON w.i = p.word
        GROUP BY p.i`,
      [vocabulary, sentences, firstNames, lastNames],
    );
    await client.query("CREATE UNIQUE INDEX ON bench_sentences (i); ANALYZE bench_sentences");
    // Each story: a headline, a dek and a body of nine sentences; each later revision adds a paragraph.
    await step(
      client,
      seconds,
      "text",
      `CREATE TEMP TABLE bench_stories AS
       SELECT n AS story, gen_random_uuid() AS id, 1 + (n * 7) % 19 AS revisions,
              now() - make_interval(mins => 10 * n) AS created_at
         FROM generate_series(1, $1::int) n`,
      [stories],
    );
    await step(
      client,
      seconds,
      "text",
      `CREATE TEMP TABLE bench_bases AS
       SELECT p.story,
              max(CASE WHEN p.k = 0 THEN rtrim(array_to_string((string_to_array(s.s, ' '))[1:9], ' '), '.,') END) AS headline,
              max(CASE WHEN p.k = 1 THEN s.s END) AS dek,
              string_agg(s.s, CASE WHEN p.k % 3 = 2 THEN E'\\n\\n' ELSE ' ' END ORDER BY p.k) FILTER (WHERE p.k >= 2) AS body
         FROM (SELECT story, k, 1 + floor(random() * $2::int)::int AS sentence
                 FROM generate_series(1, $1::int) story, generate_series(0, 10) k) p
         JOIN bench_sentences s ON s.i = p.sentence
        GROUP BY p.story`,
      [stories, sentences],
    );
    await client.query(
      "CREATE UNIQUE INDEX ON bench_bases (story); ANALYZE bench_stories; ANALYZE bench_bases",
    );
    await step(
      client,
      seconds,
      "text",
      `INSERT INTO contributors (id, name)
       SELECT gen_random_uuid(), f || ' ' || l FROM unnest($1::text[]) f, unnest($2::text[]) l
       ON CONFLICT (name) DO NOTHING`,
      [firstNames, lastNames],
    );
    // A fifth are drafts; of the rest, one in five has a newer draft waiting above the live revision. Readers'
    // cache purges (a queued job per published story) are not part of this archive: that trigger is off meanwhile.
    await client.query('ALTER TABLE stories DISABLE TRIGGER "stories_note_public_change"');
    await step(
      client,
      seconds,
      "stories",
      `INSERT INTO stories (id, slug, status, created_at, created_by_id, first_published_at,
                            last_material_update_at, latest_revision_number, live_revision_number, last_revised_at)
       SELECT id, 'bench-search-' || story, (CASE WHEN story % 5 = 0 THEN 'draft' ELSE 'published' END)::"StoryStatus",
              created_at, $1::uuid, CASE WHEN story % 5 <> 0 THEN created_at END,
              CASE WHEN story % 5 <> 0 THEN created_at END, revisions,
              CASE WHEN story % 5 = 0 THEN NULL WHEN story % 5 = 1 AND revisions > 1 THEN revisions - 1 ELSE revisions END,
              created_at + make_interval(hours => revisions)
         FROM bench_stories`,
      [authorId],
    );
    await client.query('ALTER TABLE stories ENABLE TRIGGER "stories_note_public_change"');
    await setSearchTriggers(client, false);
    const batch = 10_000;
    for (let first = 1; first <= stories; first += batch) {
      const last = Math.min(stories, first + batch - 1);
      await step(
        client,
        seconds,
        "revisions",
        `INSERT INTO revisions (id, story_id, number, created_at, author_id, base_number, kind, summary,
                                public_note, published_at, content_hash, headline, dek, byline, body, developing)
         SELECT gen_random_uuid(), st.id, u.n, st.created_at + make_interval(hours => u.n), $3::uuid,
                nullif(u.n - 1, 0),
                (CASE WHEN u.n = 1 THEN 'initial' WHEN u.n % 7 = 0 THEN 'correction' ELSE 'update' END)::"RevisionKind",
                CASE WHEN u.n > 1 THEN 'Update ' || u.n ELSE 'First version' END,
                CASE WHEN u.n > 1 AND u.n % 7 = 0 THEN 'An earlier version of this story misstated the date of the vote.' END,
                CASE WHEN st.story % 5 <> 0 AND u.n <= st.revisions - (CASE WHEN st.story % 5 = 1 AND st.revisions > 1 THEN 1 ELSE 0 END)
                     THEN st.created_at + make_interval(hours => u.n) END,
                md5(st.id::text || u.n), b.headline, b.dek, ($4::text[])[1 + st.story % 30] || ' ' || ($5::text[])[1 + (st.story / 30) % 30],
                b.body || coalesce(E'\\n\\n' || u.added, ''), false
           FROM bench_stories st
           JOIN bench_bases b ON b.story = st.story
           CROSS JOIN LATERAL (
             SELECT g.n, string_agg(s.s, E'\\n\\n') FILTER (WHERE g.n > 1) OVER (ORDER BY g.n) AS added
               FROM generate_series(1, st.revisions) g(n)
               JOIN bench_sentences s ON s.i = 1 + (hashint4(st.story * 31 + g.n) & 2147483647) % $6::int) u
          WHERE st.story BETWEEN $1 AND $2`,
        [first, last, authorId, firstNames, lastNames, sentences],
      );
      await step(
        client,
        seconds,
        "revisions",
        `INSERT INTO credits (id, revision_id, contributor_id, role, position)
         SELECT gen_random_uuid(), r.id, c.id, 'byline', 0
           FROM bench_stories st JOIN revisions r ON r.story_id = st.id JOIN contributors c ON c.name = r.byline
          WHERE st.story BETWEEN $1 AND $2`,
        [first, last],
      );
      log(`  revisions for stories ${first}–${last} written`);
    }
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_documents' AND indexdef ILIKE '%USING gin%'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
    // Two connections build documents side by side (the machine has two cores); each takes the next batch.
    const started = Date.now();
    const batches = Array.from({ length: Math.ceil(stories / batch) }, (_, index) => index * batch + 1);
    const builders = await Promise.all(
      [0, 1].map(async () => {
        const builder = new pg.Client({ connectionString: options.databaseUrl });
        await builder.connect();
        await builder.query("SET synchronous_commit = off; SET jit = off");
        return builder;
      }),
    );
    try {
      await Promise.all(
        builders.map(async (builder) => {
          for (let first = batches.shift(); first !== undefined; first = batches.shift()) {
            const last = Math.min(stories, first + batch - 1);
            const slugs = Array.from(
              { length: last - first + 1 },
              (_, index) => `bench-search-${first + index}`,
            );
            await builder.query(
              `SELECT copydesk_search_build(ARRAY(SELECT r.id FROM stories s JOIN revisions r ON r.story_id = s.id
                                                   WHERE s.slug = ANY ($1::text[])))`,
              [slugs],
            );
            log(`  search documents for stories ${first}–${last} built`);
          }
        }),
      );
    } finally {
      await Promise.all(builders.map((builder) => builder.end()));
    }
    seconds["search documents"] = (Date.now() - started) / 1000;
    for (const index of indexes) await step(client, seconds, "search indexes", index.indexdef);
    await setSearchTriggers(client, true);
    await step(client, seconds, "analyze", "ANALYZE");
    const { rows } = await client.query<{ revisions: number }>(
      "SELECT count(*)::int AS revisions FROM revisions r JOIN bench_stories st ON st.id = r.story_id",
    );
    return { stories, revisions: rows[0]!.revisions, seconds };
  } finally {
    await client.end();
  }
}
