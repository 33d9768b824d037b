import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { getReviewRules, setReviewRules } from "@/lib/reviews/review-rules";

export const dynamic = "force-dynamic";

/** The newsroom's review rules; anyone on the desk may read them. */
export const GET = apiRoute({
  name: "GET /api/v1/review-rules",
  run: async ({ actor }) => json({ rules: await getReviewRules({ actor }) }),
});

/** Sets both rules (admins only). */
export const POST = apiRoute({
  name: "POST /api/v1/review-rules",
  // setReviewRules parses the rules itself (ReviewRulesInput).
  body: z.unknown(),
  run: async ({ actor, body }) => json({ rules: await setReviewRules({ actor, input: body }) }),
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
