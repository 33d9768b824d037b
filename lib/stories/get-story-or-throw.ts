import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

import { readStory } from "./read-story";
import type { StoryDto } from "./story-dto";

/** The desk's view of one story, or a not_found AppError. */
export async function getStoryOrThrow(options: { slug: string; actor: Actor }): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  return (await readStory({ slug: options.slug })).story;
}
