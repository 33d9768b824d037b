"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskRevisionPickInput } from "@/lib/desk/desk-action-input";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import {
  previewRestoreScheduleChoice,
  type PendingScheduleBrief,
} from "@/lib/schedules/pending-schedule-choice";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Read when a restore dialog opens: the schedules waiting on the story, which a restore that publishes must
 * say what to do with, and why restoring without them would be refused, if it would.
 */
export async function previewRestoreScheduleAction(
  input: unknown,
): Promise<FormState<{ schedules: PendingScheduleBrief[]; leaveRefusal: string | null }>> {
  try {
    const actor = await requireActionActor({ permission: "revision:restore" });
    const { slug, number } = parseInput({ schema: DeskRevisionPickInput, input });
    return {
      status: "success",
      message: "",
      result: await previewRestoreScheduleChoice({ actor, slug, number }),
    };
  } catch (error) {
    return formErrorState(error, { action: "previewRestoreSchedule" });
  }
}
