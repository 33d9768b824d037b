import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";

import { changeStoryStatus } from "./change-story-status";
import { RepublishStoryInput } from "./republish-story-input";
import type { StoryDto } from "./story-dto";

/**
 * Puts an unpublished story back with the revision that was live; no "Updated" move, one status history entry
 * with the reason. This is the only way an unpublished story goes live again.
 */
export async function republishStory(options: {
  actor: Actor;
  slug: string;
  reason: string;
  idempotencyKey?: string;
}): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "story:unpublish" });
  const { reason } = parseInput({ schema: RepublishStoryInput, input: { reason: options.reason } });
  return changeStoryStatus({
    actor: options.actor,
    slug: options.slug,
    action: "republish",
    reason,
    idempotencyKey: options.idempotencyKey,
  });
}
