import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { saveRevision } from "@/lib/revisions/save-revision";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/revisions",
  params: StoryPathInput,
  run: async ({ actor, params: { slug }, query }) =>
    json(
      await listRevisions({
        actor,
        slug,
        cursor: query.get("cursor") ?? undefined,
        limit: query.get("limit") ?? undefined,
      }),
    ),
});

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/revisions",
  params: StoryPathInput,
  // saveRevision parses the revision itself (SaveRevisionInput), as it does for the desk.
  body: z.unknown(),
  run: async ({ actor, params: { slug }, body, idempotencyKey }) => {
    const result = await saveRevision({ actor, slug, input: body, idempotencyKey });
    if (result.outcome === "created" && result.revision.published) invalidatePublicStory({ slug });
    return json(result, result.outcome === "created" ? 201 : 200);
  },
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
