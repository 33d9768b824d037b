import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { SchedulePathInput } from "@/lib/api/path-input";
import { cancelSchedule } from "@/lib/schedules/cancel-schedule";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/schedules/[id]/cancel",
  params: SchedulePathInput,
  run: async ({ actor, params: { slug, id } }) =>
    json({ schedule: await cancelSchedule({ actor, slug, scheduleId: id }) }),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
