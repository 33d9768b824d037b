import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { replyToThread } from "@/lib/review-threads/reply-to-thread";
import { ThreadPathInput } from "@/lib/review-threads/review-thread-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/threads/[id]/replies",
  params: ThreadPathInput,
  // replyToThread parses the reply itself (ReplyInput), as it does for the desk.
  body: z.unknown(),
  run: async ({ actor, params: { slug, id }, body, idempotencyKey }) =>
    json(await replyToThread({ actor, slug, threadId: id, input: body, idempotencyKey }), 201),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
