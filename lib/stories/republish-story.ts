import "server-only";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { changeStoryStatus } from "./change-story-status";
import type { StoryDto } from "./story-dto";

/** Puts an unpublished story back with the revision that was live; no "Updated" move, one status history entry. */
export async function republishStory(options: { actor: Actor; slug: string }): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "story:unpublish" });
  return changeStoryStatus({ actor: options.actor, slug: options.slug, action: "republish", reason: null });
}
