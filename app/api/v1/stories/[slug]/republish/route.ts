import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { republishStory } from "@/lib/stories/story-status";
import { RepublishStoryInput } from "@/lib/stories/story-status-input";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string }>(
  "POST /api/v1/stories/[slug]/republish",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const { reason } = parseInput({ schema: RepublishStoryInput, input: await readJsonBody({ request }) });
    const story = await republishStory({
      actor,
      slug,
      reason,
      idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    });
    return json({ story });
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
