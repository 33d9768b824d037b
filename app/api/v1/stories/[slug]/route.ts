import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { getStoryDetail } from "@/lib/stories/get-story-detail";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]",
  params: StoryPathInput,
  run: async ({ actor, params: { slug } }) => json(await getStoryDetail({ actor, slug })),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
