import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { withdrawStory } from "@/lib/stories/story-status";
import { WithdrawStoryInput } from "@/lib/stories/story-status-input";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string }>(
  "POST /api/v1/stories/[slug]/withdraw",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const input = parseInput({ schema: WithdrawStoryInput, input: await readJsonBody({ request }) });
    const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
    const story = await withdrawStory({ actor, slug, input, idempotencyKey });
    return json({ story });
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
