import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { withdrawStory } from "@/lib/stories/withdraw-story";
import { WithdrawStoryInput } from "@/lib/stories/withdraw-story-input";
import { parseInput } from "@/lib/validation/parse-input";
import { apiRoute, json } from "../../../_support/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string }>("POST /api/v1/stories/[slug]/withdraw", async (request, { slug }) => {
  const actor = await authenticateRequest({ request });
  const input = parseInput({ schema: WithdrawStoryInput, input: await readJsonBody({ request }) });
  const story = await withdrawStory({ actor, slug, input });
  invalidatePublicStory({ slug });
  return json({ story });
});
