import { invalidatePublicStory } from "@/app/_public/invalidate-public-story";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { republishStory } from "@/lib/stories/republish-story";
import { apiRoute, json, otherMethods } from "../../../_support/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string }>("POST /api/v1/stories/[slug]/republish", async (request, { slug }) => {
  const actor = await authenticateRequest({ request });
  const story = await republishStory({ actor, slug });
  invalidatePublicStory({ slug });
  return json({ story });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
