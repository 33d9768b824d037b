import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { assertPossibleSlug, storyNotFound } from "@/lib/stories/story";

import { readRevision } from "./read-revision";
import type { RevisionDto } from "./revision-dto";

/** One revision of a story, content included; not_found for an unknown story or number. */
export async function getRevision(options: {
  actor: Actor;
  slug: string;
  number: number;
}): Promise<RevisionDto> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  assertPossibleSlug({ slug: options.slug });
  const story = await getDb().story.findUnique({ where: { slug: options.slug }, select: { id: true } });
  if (!story) throw storyNotFound({ slug: options.slug });
  return (await readRevision({ storyId: story.id, number: options.number })).revision;
}
