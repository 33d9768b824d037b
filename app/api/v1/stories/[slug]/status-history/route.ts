import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { listStatusEvents } from "@/lib/stories/story-status";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(
  "GET /api/v1/stories/[slug]/status-history",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    return json({ events: await listStatusEvents({ actor, slug }) });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
