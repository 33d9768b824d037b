"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { can } from "@/lib/auth/permissions";
import { DeskSaveRevisionInput } from "@/lib/desk/desk-action-input";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { saveRevision } from "@/lib/revisions/save-revision";
import { parseInput } from "@/lib/validation/parse-input";

import { savedMessage, type SavedRevision } from "./saved-revision";

/**
 * Saves (and, for editors, publishes) a revision from the edit screen. A stale base comes back as the
 * "conflict" state carrying the merge proposal; nothing is thrown to the client.
 */
export async function saveRevisionAction(input: unknown): Promise<FormState<SavedRevision>> {
  try {
    const actor = await requireActionActor({ permission: "revision:save" });
    const { slug, idempotencyKey, revision: fields } = parseInput({ schema: DeskSaveRevisionInput, input });
    const { outcome, story, revision, readers } = await saveRevision({
      actor,
      slug,
      input: fields,
      idempotencyKey,
    });
    return {
      status: "success",
      message: savedMessage({
        revision,
        outcome,
        canPublish: can({ actor, permission: "revision:publish" }),
        askedToPublish: fields.publish === true,
        readers,
      }),
      result: { slug: story.slug, number: revision.number, published: revision.published, outcome },
    };
  } catch (error) {
    return formErrorState(error, { action: "saveRevision" });
  }
}
