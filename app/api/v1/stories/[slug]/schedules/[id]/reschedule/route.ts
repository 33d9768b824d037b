import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { rescheduleRevision } from "@/lib/schedules/reschedule-revision";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; id: string }>(
  "POST /api/v1/stories/[slug]/schedules/[id]/reschedule",
  async (request, { slug, id }) => {
    const actor = await authenticateRequest({ request });
    return json({
      schedule: await rescheduleRevision({
        actor,
        slug,
        scheduleId: id,
        input: await readJsonBody({ request }),
      }),
    });
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
