import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";

import { changeStoryStatus } from "./change-story-status";
import type { StoryDto } from "./story-dto";
import { UnpublishStoryInput } from "./unpublish-story-input";

/** Takes a published story off the public site; its revisions stay, and the reason joins its status history. */
export async function unpublishStory(options: {
  actor: Actor;
  slug: string;
  reason: string;
  idempotencyKey?: string;
}): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "story:unpublish" });
  const { reason } = parseInput({ schema: UnpublishStoryInput, input: { reason: options.reason } });
  return changeStoryStatus({
    actor: options.actor,
    slug: options.slug,
    action: "unpublish",
    reason,
    idempotencyKey: options.idempotencyKey,
  });
}
