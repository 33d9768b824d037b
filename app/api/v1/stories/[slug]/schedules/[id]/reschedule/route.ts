import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { SchedulePathInput } from "@/lib/api/path-input";
import { rescheduleRevision } from "@/lib/schedules/reschedule-revision";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/schedules/[id]/reschedule",
  params: SchedulePathInput,
  // rescheduleRevision parses the new time itself (RescheduleInput).
  body: z.unknown(),
  run: async ({ actor, params: { slug, id }, body }) =>
    json({ schedule: await rescheduleRevision({ actor, slug, scheduleId: id, input: body }) }),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
