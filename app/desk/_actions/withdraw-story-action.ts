"use server";

import { deskAction } from "@/app/_support/desk-action";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { DeskWithdrawStoryInput } from "@/lib/desk/desk-action-input";
import { withdrawStory } from "@/lib/stories/withdraw-story";

/** Withdraws a story with an editor's note readers see at its address; editors and admins only. */
export const withdrawStoryAction = deskAction({
  name: "withdrawStory",
  permission: "story:unpublish",
  input: DeskWithdrawStoryInput,
  run: async ({ actor, input: { slug, note, reason, idempotencyKey } }) => {
    const story = await withdrawStory({ actor, slug, input: { note, reason }, idempotencyKey });
    invalidatePublicStory({ slug: story.slug });
    return {
      status: "success",
      message: "Withdrawn. Readers see the headline and your note at the story’s address.",
      result: { status: story.status },
    };
  },
});
