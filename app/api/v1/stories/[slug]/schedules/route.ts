import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { listStorySchedules } from "@/lib/schedules/list-schedules";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(
  "GET /api/v1/stories/[slug]/schedules",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    return json({ schedules: await listStorySchedules({ actor, slug }) });
  },
);

// Scheduling changes nothing readers see until it runs, so there is nothing to invalidate here.
export const POST = apiRoute<{ slug: string }>(
  "POST /api/v1/stories/[slug]/schedules",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const schedule = await scheduleRevision({ actor, slug, input: await readJsonBody({ request }) });
    return json({ schedule }, 201);
  },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
