import "server-only";

import { readPublicStoryRow } from "./published-story";

export type PublicStoryVersion = { slug: string; version: number; updatedAt: string };

/** What the open-page notice polls: the live revision number (any publish, minor fixes too, moves it). */
export async function readPublicStoryVersion(options: { slug: string }): Promise<PublicStoryVersion> {
  const story = await readPublicStoryRow(options);
  return {
    slug: story.slug,
    version: story.liveRevisionNumber,
    updatedAt: (story.lastMaterialUpdateAt ?? story.firstPublishedAt).toISOString(),
  };
}
