"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskStoryStatusInput } from "@/lib/desk/desk-action-input";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { republishStory, unpublishStory } from "@/lib/stories/story-status";
import { parseInput } from "@/lib/validation/parse-input";

/** Unpublishes or republishes a story, each with a reason; editors and admins only. Readers see the change at once. */
export async function changeStoryStatusAction(input: unknown): Promise<FormState<{ status: string }>> {
  try {
    const actor = await requireActionActor({ permission: "story:unpublish" });
    const parsed = parseInput({ schema: DeskStoryStatusInput, input });
    const { slug, reason, idempotencyKey } = parsed;
    const story =
      parsed.action === "unpublish"
        ? await unpublishStory({ actor, slug, reason, idempotencyKey })
        : await republishStory({ actor, slug, reason, idempotencyKey });
    const message =
      parsed.action === "unpublish"
        ? "Unpublished. Readers no longer see the story."
        : "Republished. Readers see the live revision again.";
    return { status: "success", message, result: { status: story.status } };
  } catch (error) {
    return formErrorState(error, { action: "changeStoryStatus" });
  }
}
