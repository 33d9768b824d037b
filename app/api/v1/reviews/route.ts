import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { listReviewQueue } from "@/lib/reviews/review-queue";

export const dynamic = "force-dynamic";

/** The caller's review queue: what waits for their review (oldest first) and what they asked for. */
export const GET = apiRoute({
  name: "GET /api/v1/reviews",
  run: async ({ actor }) => json(await listReviewQueue({ actor })),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
