import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { createStory } from "@/lib/revisions/create-story";
import { listStories } from "@/lib/stories/list-stories";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories",
  run: async ({ actor, query }) =>
    json(
      await listStories({
        actor,
        query: query.get("q") ?? undefined,
        status: query.get("status") ?? undefined,
        review: query.get("review") ?? undefined,
        cursor: query.get("cursor") ?? undefined,
        limit: query.get("limit") ?? undefined,
      }),
    ),
});

export const POST = apiRoute({
  name: "POST /api/v1/stories",
  // createStory parses the story itself (CreateStoryInput), as it does for the desk.
  body: z.unknown(),
  run: async ({ actor, body, idempotencyKey }) => {
    const result = await createStory({ actor, input: body, idempotencyKey });
    return json(result, 201);
  },
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
