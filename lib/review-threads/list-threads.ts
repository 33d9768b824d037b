import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertPossibleSlug, storyNotFound } from "@/lib/stories/story";
import { parseInput } from "@/lib/validation/parse-input";

import { placeThreads, type PlacedThread } from "./place-threads";
import { readThreads, type ReviewThreadDto } from "./read-threads";
import { ThreadsQueryInput } from "./review-thread-input";

async function storyOf(slug: string): Promise<{ id: string; latestRevisionNumber: number }> {
  assertPossibleSlug({ slug });
  const story = await getDb().story.findUnique({
    where: { slug },
    select: { id: true, latestRevisionNumber: true },
  });
  if (!story) throw storyNotFound({ slug });
  return story;
}

async function storyIdOf(slug: string): Promise<string> {
  return (await storyOf(slug)).id;
}

/**
 * The API's listing: threads started up to `revision` (the newest when not given), each placed in that
 * revision's text (or `from`'s, for a removed passage).
 */
export async function listThreadsByQuery(options: {
  actor: Actor;
  slug: string;
  query: unknown;
}): Promise<{ revision: number; threads: PlacedThread[] }> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const query = parseInput({ schema: ThreadsQueryInput, input: options.query });
  const story = await storyOf(options.slug);
  const revision = query.revision ?? story.latestRevisionNumber;
  for (const [path, number] of [
    ["revision", revision],
    ["from", query.from],
  ] as const) {
    if (number !== undefined && number > story.latestRevisionNumber)
      throw new AppError({
        code: "not_found",
        message: `revision ${number} beyond ${story.latestRevisionNumber}`,
        userMessage: `This story has no revision ${number}.`,
        details: { fields: [{ path, message: "not a revision of this story" }] },
      });
  }
  const db = getDb();
  const threads = await readThreads({ db, storyId: story.id, upTo: Math.max(revision, query.from ?? 0) });
  return {
    revision,
    threads: await placeThreads({ db, storyId: story.id, threads, to: revision, from: query.from }),
  };
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
