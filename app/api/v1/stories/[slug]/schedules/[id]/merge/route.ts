import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { readHeldScheduleMerge } from "@/lib/schedules/held-schedule-merge";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string; id: string }>(
  "GET /api/v1/stories/[slug]/schedules/[id]/merge",
  async (request, { slug, id }) => {
    const actor = await authenticateRequest({ request });
    return json(await readHeldScheduleMerge({ actor, slug, scheduleId: id }));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
