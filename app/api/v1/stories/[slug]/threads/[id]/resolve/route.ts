import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { setThreadResolved } from "@/lib/review-threads/resolve-thread";
import { ThreadPathInput } from "@/lib/review-threads/review-thread-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/threads/[id]/resolve",
  params: ThreadPathInput,
  run: async ({ actor, params: { slug, id }, idempotencyKey }) =>
    json(await setThreadResolved({ actor, slug, threadId: id, resolved: true, idempotencyKey })),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
