"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { can } from "@/lib/auth/permissions";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { createStory } from "@/lib/revisions/create-story";

import { savedMessage, type SavedRevision } from "./saved-revision";

/** New story from the desk: the service parses and authorizes the content (publishing needs revision:publish). */
export async function createStoryAction(input: unknown): Promise<FormState<SavedRevision>> {
  try {
    const actor = await requireActionActor({ permission: "story:create" });
    const { story, revision } = await createStory({ actor, input });
    return {
      status: "success",
      message: savedMessage({
        revision,
        outcome: "created",
        canPublish: can({ actor, permission: "revision:publish" }),
      }),
      result: {
        slug: story.slug,
        number: revision.number,
        published: revision.published,
        outcome: "created",
      },
    };
  } catch (error) {
    return formErrorState(error, { action: "createStory" });
  }
}
