"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskOutgoingInput } from "@/lib/desk/desk-action-input";
import { readOutgoingRevisions, type OutgoingRevisions } from "@/lib/desk/outgoing-revisions";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Read when a publish or schedule confirmation opens, not with the page: after a merge or a colleague's save
 * the page's copy is old, and the confirmation must compare with what readers have now.
 */
export async function readOutgoingAction(input: unknown): Promise<FormState<OutgoingRevisions>> {
  try {
    const actor = await requireActionActor({ permission: "desk:read" });
    const { slug } = parseInput({ schema: DeskOutgoingInput, input });
    return { status: "success", message: "", result: await readOutgoingRevisions({ actor, slug }) };
  } catch (error) {
    return formErrorState(error, { action: "readOutgoing" });
  }
}
