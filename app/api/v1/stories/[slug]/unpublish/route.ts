import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { unpublishStory } from "@/lib/stories/unpublish-story";
import { UnpublishStoryInput } from "@/lib/stories/unpublish-story-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/unpublish",
  params: StoryPathInput,
  body: UnpublishStoryInput,
  run: async ({ actor, params: { slug }, body: { reason }, idempotencyKey }) => {
    const story = await unpublishStory({ actor, slug, reason, idempotencyKey });
    invalidatePublicStory({ slug });
    return json({ story });
  },
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
