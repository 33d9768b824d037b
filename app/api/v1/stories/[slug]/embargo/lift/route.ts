import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { liftEmbargo } from "@/lib/schedules/lift-embargo";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string }>(
  "POST /api/v1/stories/[slug]/embargo/lift",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const embargo = await liftEmbargo({ actor, slug, input: await readJsonBody({ request }) });
    return json({ embargo });
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
