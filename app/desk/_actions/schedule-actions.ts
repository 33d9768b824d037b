"use server";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { DeskEmbargoInput, DeskScheduleInput, DeskScheduleRefInput } from "@/lib/desk/desk-schedule-input";
import { isAppError } from "@/lib/errors/app-error";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { cancelSchedule } from "@/lib/schedules/cancel-schedule";
import { embargoStory } from "@/lib/schedules/embargo-story";
import { liftEmbargo } from "@/lib/schedules/lift-embargo";
import { previewScheduleTime } from "@/lib/schedules/preview-schedule-time";
import { rescheduleRevision } from "@/lib/schedules/reschedule-revision";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";
import { parseInput } from "@/lib/validation/parse-input";

/** A refused time may come with choices (the spring-forward gap, the fall-back hour): the form offers them. */
export type TimeChoice = { fold?: "earlier" | "later"; instant: string; label: string };
type ScheduleFormState = FormState<{ id: string }> & { choices?: TimeChoice[] };

function refusal(
  error: unknown,
  action: string,
): Extract<FormState, { status: "error" }> & { choices?: TimeChoice[] } {
  const state = formErrorState(error, { action });
  const choices = isAppError(error)
    ? (error.details as { choices?: TimeChoice[] } | null)?.choices
    : undefined;
  return choices ? { ...state, choices } : state;
}

export async function scheduleRevisionAction(input: unknown): Promise<ScheduleFormState> {
  try {
    const actor = await requireActionActor({ permission: "schedule:manage" });
    const { slug, schedule } = parseInput({ schema: DeskScheduleInput, input });
    const created = await scheduleRevision({ actor, slug, input: schedule });
    return {
      status: "success",
      message: "Scheduled. Readers keep seeing the live version until then.",
      result: { id: created.id },
    };
  } catch (error) {
    return refusal(error, "scheduleRevision");
  }
}

/** What a typed time means, in newsroom time, for the schedule confirmation; nothing is written. */
export async function previewScheduleTimeAction(
  input: unknown,
): Promise<FormState<{ runAt: string; label: string }> & { choices?: TimeChoice[] }> {
  try {
    const actor = await requireActionActor({ permission: "schedule:manage" });
    const { time } = parseInput({ schema: DeskScheduleRefInput.pick({ slug: true, time: true }), input });
    const resolved = await previewScheduleTime({ actor, input: time ?? {} });
    return { status: "success", message: resolved.label, result: resolved };
  } catch (error) {
    return refusal(error, "previewScheduleTime");
  }
}

export async function rescheduleAction(input: unknown): Promise<ScheduleFormState> {
  try {
    const actor = await requireActionActor({ permission: "schedule:manage" });
    const { slug, scheduleId, time } = parseInput({ schema: DeskScheduleRefInput, input });
    const moved = await rescheduleRevision({ actor, slug, scheduleId, input: time ?? {} });
    return { status: "success", message: "Rescheduled.", result: { id: moved.id } };
  } catch (error) {
    return refusal(error, "reschedule");
  }
}

export async function cancelScheduleAction(input: unknown): Promise<ScheduleFormState> {
  try {
    const actor = await requireActionActor({ permission: "schedule:manage" });
    const { slug, scheduleId } = parseInput({ schema: DeskScheduleRefInput, input });
    const cancelled = await cancelSchedule({ actor, slug, scheduleId });
    return {
      status: "success",
      message: "Schedule cancelled. Nothing will go out.",
      result: { id: cancelled.id },
    };
  } catch (error) {
    return refusal(error, "cancelSchedule");
  }
}

export async function embargoStoryAction(input: unknown): Promise<ScheduleFormState> {
  try {
    const actor = await requireActionActor({ permission: "embargo:manage" });
    const { slug, embargo } = parseInput({ schema: DeskEmbargoInput, input });
    await embargoStory({ actor, slug, input: embargo });
    return {
      status: "success",
      message: "Under embargo. Nothing of this story is public until it lifts.",
      result: { id: slug },
    };
  } catch (error) {
    return refusal(error, "embargoStory");
  }
}

export async function liftEmbargoAction(input: unknown): Promise<ScheduleFormState> {
  try {
    const actor = await requireActionActor({ permission: "embargo:manage" });
    const { slug, embargo } = parseInput({ schema: DeskEmbargoInput, input });
    await liftEmbargo({ actor, slug, input: embargo });
    return {
      status: "success",
      message: "Embargo lifted. The story is public if it is published.",
      result: { id: slug },
    };
  } catch (error) {
    return refusal(error, "liftEmbargo");
  }
}
