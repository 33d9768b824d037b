import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { ReviewRequestPathInput } from "@/lib/api/path-input";
import { decideReview } from "@/lib/reviews/decide-review";

export const dynamic = "force-dynamic";

/** An editor's decision on a waiting request: approve, or request changes with a note. */
export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/reviews/[id]/decision",
  params: ReviewRequestPathInput,
  // decideReview parses the decision itself (DecideReviewInput).
  body: z.unknown(),
  run: async ({ actor, params: { slug, id }, body, idempotencyKey }) =>
    json({ request: await decideReview({ actor, slug, requestId: id, input: body, idempotencyKey }) }),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
