import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { ReviewRequestPathInput } from "@/lib/api/path-input";
import { withdrawReview } from "@/lib/reviews/withdraw-review";

export const dynamic = "force-dynamic";

/** Withdraws a waiting request: the person who asked, or an editor. */
export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/reviews/[id]/withdraw",
  params: ReviewRequestPathInput,
  // withdrawReview parses the optional note itself (WithdrawReviewInput); an empty body is no note.
  body: z.unknown(),
  run: async ({ actor, params: { slug, id }, body, idempotencyKey }) =>
    json({
      request: await withdrawReview({ actor, slug, requestId: id, input: body ?? {}, idempotencyKey }),
    }),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
