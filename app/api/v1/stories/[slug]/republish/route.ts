import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { republishStory } from "@/lib/stories/republish-story";
import { RepublishStoryInput } from "@/lib/stories/republish-story-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/republish",
  params: StoryPathInput,
  body: RepublishStoryInput,
  run: async ({ actor, params: { slug }, body: { reason }, idempotencyKey }) => {
    const story = await republishStory({ actor, slug, reason, idempotencyKey });
    invalidatePublicStory({ slug });
    return json({ story });
  },
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
