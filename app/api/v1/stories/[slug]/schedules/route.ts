import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { listStorySchedules } from "@/lib/schedules/list-schedules";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/schedules",
  params: StoryPathInput,
  run: async ({ actor, params: { slug } }) => json({ schedules: await listStorySchedules({ actor, slug }) }),
});

// Scheduling changes nothing readers see until it runs, so there is nothing to invalidate here.
export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/schedules",
  params: StoryPathInput,
  // scheduleRevision parses its own input (CreateScheduleInput).
  body: z.unknown(),
  run: async ({ actor, params: { slug }, body }) =>
    json({ schedule: await scheduleRevision({ actor, slug, input: body }) }, 201),
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
