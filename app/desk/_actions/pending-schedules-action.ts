"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskOutgoingInput } from "@/lib/desk/desk-action-input";
import { type FormState, formErrorState } from "@/lib/errors/form-state";
import { type PendingScheduleBrief, listPendingScheduleBriefs } from "@/lib/schedules/pending-schedule-choice";
import { parseInput } from "@/lib/validation/parse-input";

/** The schedules waiting on a story, read when a restore dialog opens: a restore that publishes says what to do with them. */
export async function readPendingSchedulesAction(input: unknown): Promise<FormState<PendingScheduleBrief[]>> {
  try {
    const actor = await requireActionActor({ permission: "desk:read" });
    const { slug } = parseInput({ schema: DeskOutgoingInput, input });
    return { status: "success", message: "", result: await listPendingScheduleBriefs({ actor, slug }) };
  } catch (error) {
    return formErrorState(error, { action: "readPendingSchedules" });
  }
}
