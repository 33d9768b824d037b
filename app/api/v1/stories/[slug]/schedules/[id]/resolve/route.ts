import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { resolveHeldSchedule } from "@/lib/schedules/resolve-held-schedule";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; id: string }>(
  "POST /api/v1/stories/[slug]/schedules/[id]/resolve",
  async (request, { slug, id }) => {
    const actor = await authenticateRequest({ request });
    const resolved = await resolveHeldSchedule({
      actor,
      slug,
      scheduleId: id,
      input: await readJsonBody({ request }),
      idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    });
    return json(resolved, 201);
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
