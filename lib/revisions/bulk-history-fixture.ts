import "server-only";

import { getDb } from "@/lib/db/client";

/**
 * Benchmarks only: gives an existing story a long history (revisions 2..`until`, each with a byline credit)
 * in a few set-based statements, so "saving revision 5,000" can be measured without 5,000 timed saves first.
 * It writes rows the way appendRevision does; nothing in the product calls it.
 */
export async function appendBulkHistory(options: {
  slug: string;
  until: number;
  authorId: string;
  contributorId: string;
}): Promise<void> {
  const { slug, until, authorId, contributorId } = options;
  await getDb().$transaction(
    async (tx) => {
      const [story] = await tx.$queryRaw<{ id: string; latest: number; headline: string; body: string }[]>`
      SELECT s.id, s.latest_revision_number AS latest, r.headline, r.body
        FROM stories s JOIN revisions r ON r.story_id = s.id AND r.number = s.latest_revision_number
       WHERE s.slug = ${slug} FOR UPDATE OF s`;
      if (!story) throw new Error(`no story ${slug}`);
      await tx.$executeRaw`
      INSERT INTO revisions (id, story_id, number, created_at, author_id, base_number, kind, summary, content_hash, headline, body, developing)
      SELECT gen_random_uuid(), ${story.id}::uuid, n, clock_timestamp() - make_interval(secs => ${until} - n), ${authorId}::uuid, n - 1,
             'update', 'Bulk update ' || n, md5(n::text), ${story.headline}, ${story.body} || E'\n\nUpdate ' || n || '.', true
        FROM generate_series(${story.latest + 1}::int, ${until}::int) AS n`;
      await tx.$executeRaw`
      INSERT INTO credits (id, revision_id, contributor_id, role, position)
      SELECT gen_random_uuid(), r.id, ${contributorId}::uuid, 'byline', 0
        FROM revisions r WHERE r.story_id = ${story.id}::uuid AND r.number > ${story.latest}`;
      await tx.$executeRaw`UPDATE stories SET latest_revision_number = ${until}, last_revised_at = clock_timestamp() WHERE id = ${story.id}::uuid`;
    },
    { timeout: 120_000 },
  );
}
