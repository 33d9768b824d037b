import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { listThreadsByQuery } from "@/lib/review-threads/list-threads";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/threads",
  params: StoryPathInput,
  run: async ({ actor, params: { slug }, query }) =>
    json(await listThreadsByQuery({ actor, slug, query: Object.fromEntries(query) })),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
