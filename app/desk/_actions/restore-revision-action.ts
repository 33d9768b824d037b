"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskRevisionPickInput, DeskRevisionRefInput } from "@/lib/desk/desk-action-input";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import type { RestoreReverts } from "@/lib/revisions/restore-reverts";
import { previewRestore, restoreRevision } from "@/lib/revisions/restore-revision";
import { RestoreRevisionInput } from "@/lib/revisions/restore-revision-input";
import { parseInput } from "@/lib/validation/parse-input";

import type { SavedRevision } from "./saved-revision";

/** Restores revision k as a new revision (editors and admins only); history stays whole. */
export async function restoreRevisionAction(input: unknown): Promise<FormState<SavedRevision>> {
  try {
    const actor = await requireActionActor({ permission: "revision:restore" });
    const { slug, number, idempotencyKey, options } = parseInput({ schema: DeskRevisionRefInput, input });
    const restore = parseInput({ schema: RestoreRevisionInput, input: options });
    const { outcome, story, revision } = await restoreRevision({
      actor,
      slug,
      number,
      idempotencyKey,
      ...restore,
    });
    const message =
      outcome === "unchanged"
        ? `Nothing to restore: the newest revision already matches revision ${number}.`
        : `Restored revision ${number} as revision ${revision.number}${revision.published ? ", now live" : " (a draft)"}.`;
    return {
      status: "success",
      message,
      result: { slug: story.slug, number: revision.number, published: revision.published, outcome },
    };
  } catch (error) {
    return formErrorState(error, { action: "restoreRevision" });
  }
}

/** What a restore of revision k would take back (published corrections, the developing label), for its dialog. */
export async function previewRestoreAction(input: unknown): Promise<FormState<RestoreReverts>> {
  try {
    const actor = await requireActionActor({ permission: "revision:restore" });
    const { slug, number } = parseInput({ schema: DeskRevisionPickInput, input });
    return { status: "success", message: "", result: await previewRestore({ actor, slug, number }) };
  } catch (error) {
    return formErrorState(error, { action: "previewRestore" });
  }
}
