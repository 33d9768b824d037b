"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskWithdrawStoryInput } from "@/lib/desk/desk-action-input";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { withdrawStory } from "@/lib/stories/story-status";
import { parseInput } from "@/lib/validation/parse-input";

/** Withdraws a story with an editor's note readers see at its address; editors and admins only. */
export async function withdrawStoryAction(input: unknown): Promise<FormState<{ status: string }>> {
  try {
    const actor = await requireActionActor({ permission: "story:unpublish" });
    const { slug, note, reason, idempotencyKey } = parseInput({ schema: DeskWithdrawStoryInput, input });
    const story = await withdrawStory({ actor, slug, input: { note, reason }, idempotencyKey });
    return {
      status: "success",
      message: "Withdrawn. Readers see the headline and your note at the story’s address.",
      result: { status: story.status },
    };
  } catch (error) {
    return formErrorState(error, { action: "withdrawStory" });
  }
}
