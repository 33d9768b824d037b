import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RevisionPathInput } from "@/lib/api/path-input";
import { startThread } from "@/lib/review-threads/start-thread";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/revisions/[number]/threads",
  params: RevisionPathInput,
  body: z.unknown(),
  run: async ({ actor, params: { slug, number }, body, idempotencyKey }) =>
    json(await startThread({ actor, slug, number, input: body, idempotencyKey }), 201),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
