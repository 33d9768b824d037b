"use server";

import { invalidatePublicStory } from "@/app/_public/invalidate-public-story";
import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskRevisionRefInput } from "@/lib/desk/desk-action-input";
import { type FormState, formErrorState } from "@/lib/errors/form-state";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { parseInput } from "@/lib/validation/parse-input";
import type { SavedRevision } from "./saved-revision";

/** Restores revision k as a new revision (editors and admins only); history stays whole. */
export async function restoreRevisionAction(input: unknown): Promise<FormState<SavedRevision>> {
  try {
    const actor = await requireActionActor({ permission: "revision:restore" });
    const { slug, number, summary, publish } = parseInput({ schema: DeskRevisionRefInput, input });
    const { outcome, story, revision } = await restoreRevision({ actor, slug, number, summary: summary || undefined, publish: publish ?? false });
    if (outcome === "created" && revision.published) invalidatePublicStory({ slug: story.slug });
    const message =
      outcome === "unchanged"
        ? `Nothing to restore: the newest revision already matches revision ${number}.`
        : `Restored revision ${number} as revision ${revision.number}${revision.published ? ", now live" : " (a draft)"}.`;
    return { status: "success", message, result: { slug: story.slug, number: revision.number, published: revision.published, outcome } };
  } catch (error) {
    return formErrorState(error, { action: "restoreRevision" });
  }
}
