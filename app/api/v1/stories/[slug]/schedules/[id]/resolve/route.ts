import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { SchedulePathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { resolveHeldSchedule } from "@/lib/schedules/resolve-held-schedule";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/schedules/[id]/resolve",
  params: SchedulePathInput,
  // resolveHeldSchedule parses the resolution itself (ResolveHeldScheduleInput).
  body: z.unknown(),
  run: async ({ actor, params: { slug, id }, body, idempotencyKey }) => {
    const resolved = await resolveHeldSchedule({ actor, slug, scheduleId: id, input: body, idempotencyKey });
    if (resolved.published) invalidatePublicStory({ slug });
    return json(resolved, 201);
  },
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
