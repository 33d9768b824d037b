"use server";

import { deskAction } from "@/app/_support/desk-action";
import { DeskStoryStatusInput } from "@/lib/desk/desk-action-input";
import { republishStory, unpublishStory } from "@/lib/stories/story-status";

/**
 * Unpublishes or republishes a story, each with a reason; editors and admins only. Readers see the change at
 * once.
 */
export const changeStoryStatusAction = deskAction({
  name: "changeStoryStatus",
  permission: "story:unpublish",
  input: DeskStoryStatusInput,
  run: async ({ actor, input }) => {
    const { slug, reason, idempotencyKey } = input;
    const story =
      input.action === "unpublish"
        ? await unpublishStory({ actor, slug, reason, idempotencyKey })
        : await republishStory({ actor, slug, reason, idempotencyKey });
    const message =
      input.action === "unpublish"
        ? "Unpublished. Readers no longer see the story."
        : "Republished. Readers see the live revision again.";
    return { status: "success", message, result: { status: story.status } };
  },
});
