import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { listStatusEvents } from "@/lib/stories/list-status-events";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/status-history",
  params: StoryPathInput,
  run: async ({ actor, params: { slug } }) => json({ events: await listStatusEvents({ actor, slug }) }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
