import "server-only";

import { getDb } from "@/lib/db/client";

import type { StoryDto } from "./story-dto";
import { assertPossibleSlug, storyNotFound } from "./story-not-found";
import { storySelect, toStoryDto } from "./story-row";

/** Loads a story's DTO by slug, or throws not_found. No authorization: callers decide who may read. */
export async function readStory(options: { slug: string }): Promise<{ id: string; story: StoryDto }> {
  assertPossibleSlug({ slug: options.slug });
  const row = await getDb().story.findUnique({ where: { slug: options.slug }, select: storySelect });
  if (!row) throw storyNotFound({ slug: options.slug });
  return { id: row.id, story: toStoryDto(row) };
}
