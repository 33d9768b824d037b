import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { readStoryReview } from "@/lib/reviews/story-review";
import { submitReview } from "@/lib/reviews/submit-review";

export const dynamic = "force-dynamic";

/** Where the story stands in review: its newest request, the newest approval and what came after, the history. */
export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/reviews",
  params: StoryPathInput,
  run: async ({ actor, params: { slug } }) => json(await readStoryReview({ actor, slug })),
});

/** Asks for review of a revision (the newest saved one unless `revision` says otherwise). */
export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/reviews",
  params: StoryPathInput,
  // submitReview parses the request itself (SubmitReviewInput), as it does for the desk.
  body: z.unknown(),
  run: async ({ actor, params: { slug }, body, idempotencyKey }) =>
    json({ request: await submitReview({ actor, slug, input: body, idempotencyKey }) }, 201),
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
