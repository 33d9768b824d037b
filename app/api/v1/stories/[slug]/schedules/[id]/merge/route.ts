import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { SchedulePathInput } from "@/lib/api/path-input";
import { readHeldScheduleMerge } from "@/lib/schedules/held-schedule-merge";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/schedules/[id]/merge",
  params: SchedulePathInput,
  run: async ({ actor, params: { slug, id } }) =>
    json(await readHeldScheduleMerge({ actor, slug, scheduleId: id })),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
