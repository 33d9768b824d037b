import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { cancelSchedule } from "@/lib/schedules/cancel-schedule";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; id: string }>(
  "POST /api/v1/stories/[slug]/schedules/[id]/cancel",
  async (request, { slug, id }) => {
    const actor = await authenticateRequest({ request });
    return json({ schedule: await cancelSchedule({ actor, slug, scheduleId: id }) });
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
