import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { withdrawStory } from "@/lib/stories/withdraw-story";
import { WithdrawStoryInput } from "@/lib/stories/withdraw-story-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/withdraw",
  params: StoryPathInput,
  body: WithdrawStoryInput,
  run: async ({ actor, params: { slug }, body, idempotencyKey }) => {
    const story = await withdrawStory({ actor, slug, input: body, idempotencyKey });
    invalidatePublicStory({ slug });
    return json({ story });
  },
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
