import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { assertPossibleSlug, storyNotFound } from "@/lib/stories/story";

import { placeThreads, type PlacedThread } from "./place-threads";
import { readThreads, type ReviewThreadDto } from "./read-threads";

async function storyIdOf(slug: string): Promise<string> {
  assertPossibleSlug({ slug });
  const story = await getDb().story.findUnique({ where: { slug }, select: { id: true } });
  if (!story) throw storyNotFound({ slug });
  return story.id;
}

/** A story's review threads with their comments, oldest first (those started up to revision `upTo`). */
export async function listThreads(options: {
  actor: Actor;
  slug: string;
  upTo?: number;
}): Promise<ReviewThreadDto[]> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const storyId = await storyIdOf(options.slug);
  return readThreads({ db: getDb(), storyId, upTo: options.upTo });
}

/**
 * The threads a page showing revision `to` (compared with `from`, perhaps) lists: every thread started on a
 * revision up to the later of the two, each placed in the text shown (place-threads.ts).
 */
export async function threadsInView(options: {
  actor: Actor;
  slug: string;
  to: number;
  from?: number;
}): Promise<PlacedThread[]> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const { to, from } = options;
  const storyId = await storyIdOf(options.slug);
  const db = getDb();
  const threads = await readThreads({ db, storyId, upTo: Math.max(to, from ?? 0) });
  return placeThreads({ db, storyId, threads, to, from });
}
