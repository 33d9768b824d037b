import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { getStoryDetail } from "@/lib/revisions/story-detail";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("GET /api/v1/stories/[slug]", async (request, { slug }) => {
  const actor = await authenticateRequest({ request });
  return json(await getStoryDetail({ actor, slug }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
