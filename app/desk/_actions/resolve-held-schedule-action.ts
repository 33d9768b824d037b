"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskResolveHeldScheduleInput } from "@/lib/desk/desk-schedule-input";
import { isAppError } from "@/lib/errors/app-error";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { resolveHeldSchedule } from "@/lib/schedules/resolve-held-schedule";
import { parseInput } from "@/lib/validation/parse-input";

import type { TimeChoice } from "./schedule-actions";

type ResolveFormState = FormState<{ revision: number; published: boolean }> & { choices?: TimeChoice[] };

/** The merge view's "schedule merged version" and "publish merged version now". */
export async function resolveHeldScheduleAction(input: unknown): Promise<ResolveFormState> {
  try {
    const actor = await requireActionActor({ permission: "schedule:manage" });
    const { slug, scheduleId, resolution } = parseInput({ schema: DeskResolveHeldScheduleInput, input });
    const resolved = await resolveHeldSchedule({ actor, slug, scheduleId, input: resolution });
    return {
      status: "success",
      message: resolved.published
        ? `Published the merged version as revision ${resolved.revision.number}.`
        : `Saved the merged version as revision ${resolved.revision.number} and scheduled it. Readers keep seeing the live version until then.`,
      result: { revision: resolved.revision.number, published: resolved.published },
    };
  } catch (error) {
    const state = formErrorState(error, { action: "resolveHeldSchedule" });
    const choices = isAppError(error)
      ? (error.details as { choices?: TimeChoice[] } | null)?.choices
      : undefined;
    return choices ? { ...state, choices } : state;
  }
}
