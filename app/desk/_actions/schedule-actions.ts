"use server";

import { deskAction } from "@/app/_support/desk-action";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { DeskEmbargoInput, DeskScheduleInput, DeskScheduleRefInput } from "@/lib/desk/desk-schedule-input";
import { cancelSchedule } from "@/lib/schedules/cancel-schedule";
import { embargoStory } from "@/lib/schedules/embargo-story";
import { liftEmbargo } from "@/lib/schedules/lift-embargo";
import { previewScheduleTime } from "@/lib/schedules/preview-schedule-time";
import { rescheduleRevision } from "@/lib/schedules/reschedule-revision";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";

import { withTimeChoices } from "./time-choices";

export const scheduleRevisionAction = deskAction({
  name: "scheduleRevision",
  permission: "schedule:manage",
  input: DeskScheduleInput,
  refusal: withTimeChoices,
  run: async ({ actor, input: { slug, schedule } }) => {
    const created = await scheduleRevision({ actor, slug, input: schedule });
    return {
      status: "success",
      message: "Scheduled. Readers keep seeing the live version until then.",
      result: { id: created.id },
    };
  },
});

/** What a typed time means, in newsroom time, for the schedule confirmation; nothing is written. */
export const previewScheduleTimeAction = deskAction({
  name: "previewScheduleTime",
  permission: "schedule:manage",
  input: DeskScheduleRefInput.pick({ slug: true, time: true }),
  refusal: withTimeChoices,
  run: async ({ actor, input: { time } }) => {
    const resolved = await previewScheduleTime({ actor, input: time ?? {} });
    return { status: "success", message: resolved.label, result: resolved };
  },
});

export const rescheduleAction = deskAction({
  name: "reschedule",
  permission: "schedule:manage",
  input: DeskScheduleRefInput,
  refusal: withTimeChoices,
  run: async ({ actor, input: { slug, scheduleId, time } }) => {
    const moved = await rescheduleRevision({ actor, slug, scheduleId, input: time ?? {} });
    return { status: "success", message: "Rescheduled.", result: { id: moved.id } };
  },
});

export const cancelScheduleAction = deskAction({
  name: "cancelSchedule",
  permission: "schedule:manage",
  input: DeskScheduleRefInput,
  refusal: withTimeChoices,
  run: async ({ actor, input: { slug, scheduleId } }) => {
    const cancelled = await cancelSchedule({ actor, slug, scheduleId });
    return {
      status: "success",
      message: "Schedule cancelled. Nothing will go out.",
      result: { id: cancelled.id },
    };
  },
});

export const embargoStoryAction = deskAction({
  name: "embargoStory",
  permission: "embargo:manage",
  input: DeskEmbargoInput,
  refusal: withTimeChoices,
  run: async ({ actor, input: { slug, embargo } }) => {
    await embargoStory({ actor, slug, input: embargo });
    invalidatePublicStory({ slug });
    return {
      status: "success",
      message: "Under embargo. Nothing of this story is public until it lifts.",
      result: { id: slug },
    };
  },
});

export const liftEmbargoAction = deskAction({
  name: "liftEmbargo",
  permission: "embargo:manage",
  input: DeskEmbargoInput,
  refusal: withTimeChoices,
  run: async ({ actor, input: { slug, embargo } }) => {
    await liftEmbargo({ actor, slug, input: embargo });
    invalidatePublicStory({ slug });
    return {
      status: "success",
      message: "Embargo lifted. The story is public if it is published.",
      result: { id: slug },
    };
  },
});
