"use server";

import { deskAction } from "@/app/_support/desk-action";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { DeskResolveHeldScheduleInput } from "@/lib/desk/desk-schedule-input";
import { resolveHeldSchedule } from "@/lib/schedules/resolve-held-schedule";

import { withTimeChoices } from "./time-choices";

/** The merge view's "schedule merged version" and "publish merged version now". */
export const resolveHeldScheduleAction = deskAction({
  name: "resolveHeldSchedule",
  permission: "schedule:manage",
  input: DeskResolveHeldScheduleInput,
  refusal: withTimeChoices,
  run: async ({ actor, input: { slug, scheduleId, resolution } }) => {
    const resolved = await resolveHeldSchedule({ actor, slug, scheduleId, input: resolution });
    if (resolved.published) invalidatePublicStory({ slug });
    return {
      status: "success",
      message: resolved.published
        ? `Published the merged version as revision ${resolved.revision.number}.`
        : `Saved the merged version as revision ${resolved.revision.number} and scheduled it. Readers keep seeing the live version until then.`,
      result: { revision: resolved.revision.number, published: resolved.published },
    };
  },
});
