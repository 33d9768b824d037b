import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { diffRevisions } from "@/lib/revisions/diff-revisions";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/diff",
  params: StoryPathInput,
  run: async ({ actor, params: { slug }, query }) =>
    json(await diffRevisions({ actor, slug, from: query.get("from") ?? "", to: query.get("to") ?? "" })),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
