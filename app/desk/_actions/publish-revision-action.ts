"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskRevisionRefInput } from "@/lib/desk/desk-action-input";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { PublishRevisionInput } from "@/lib/revisions/publish-revision-input";
import { parseInput } from "@/lib/validation/parse-input";

import type { SavedRevision } from "./saved-revision";

/** Makes a saved draft (say, a contributor's submission) live with the kind and public text the editor set. */
export async function publishRevisionAction(input: unknown): Promise<FormState<SavedRevision>> {
  try {
    const actor = await requireActionActor({ permission: "revision:publish" });
    const { slug, number, idempotencyKey, options } = parseInput({ schema: DeskRevisionRefInput, input });
    const publication = parseInput({ schema: PublishRevisionInput, input: options });
    const { outcome, story, revision } = await publishRevision({
      actor,
      slug,
      number,
      idempotencyKey,
      ...publication,
    });
    const message =
      outcome === "unchanged"
        ? "Nothing was published: readers would see no difference from what they have now, so “Updated” stays as it is."
        : `Published revision ${number} as revision ${revision.number}. Readers see it now.`;
    return {
      status: "success",
      message,
      result: { slug: story.slug, number: revision.number, published: revision.published, outcome },
    };
  } catch (error) {
    return formErrorState(error, { action: "publishRevision" });
  }
}
