import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { StoryStatus } from "@/lib/db/generated/enums";

import { assertPossibleSlug, storyNotFound } from "./story-not-found";

/** The story row as held under its row lock for the length of one write transaction. */
export type LockedStory = {
  id: string;
  slug: string;
  status: StoryStatus;
  latestRevisionNumber: number;
  liveRevisionNumber: number | null;
  firstPublishedAt: Date | null;
};

/**
 * Locks the story row (SELECT … FOR UPDATE) so writers of one story take turns: the base check, the
 * next revision number and the pointer update all happen while no one else can move the story.
 */
export async function lockStory(options: {
  tx: Prisma.TransactionClient;
  slug: string;
}): Promise<LockedStory> {
  assertPossibleSlug({ slug: options.slug });
  const rows = await options.tx.$queryRaw<
    {
      id: string;
      slug: string;
      status: StoryStatus;
      latest: number;
      live: number | null;
      first_published_at: Date | null;
    }[]
  >`SELECT id, slug, status::text AS status, latest_revision_number AS latest, live_revision_number AS live, first_published_at
      FROM stories WHERE slug = ${options.slug} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw storyNotFound({ slug: options.slug });
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    latestRevisionNumber: row.latest,
    liveRevisionNumber: row.live,
    firstPublishedAt: row.first_published_at,
  };
}
