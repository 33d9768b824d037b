import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";

import { changeStoryStatus } from "./change-story-status";
import type { StoryDto } from "./story-dto";
import { WithdrawStoryInput } from "./withdraw-story-input";

/**
 * Takes a story off the public site with an editor's note to readers: its address answers 410 with the
 * headline and the note, and it leaves the index and the feeds. Revisions stay; the note and the internal
 * reason join the story's status history. Republishing ends the withdrawal.
 */
export async function withdrawStory(options: {
  actor: Actor;
  slug: string;
  input: WithdrawStoryInput;
  idempotencyKey?: string;
}): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "story:unpublish" });
  const { note, reason } = parseInput({ schema: WithdrawStoryInput, input: options.input });
  return changeStoryStatus({
    actor: options.actor,
    slug: options.slug,
    action: "withdraw",
    reason: reason || null,
    publicNote: note,
    idempotencyKey: options.idempotencyKey,
  });
}
