import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { liftEmbargo } from "@/lib/schedules/lift-embargo";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/embargo/lift",
  params: StoryPathInput,
  // liftEmbargo parses its own input (LiftEmbargoInput).
  body: z.unknown(),
  run: async ({ actor, params: { slug }, body }) => {
    const embargo = await liftEmbargo({ actor, slug, input: body });
    invalidatePublicStory({ slug });
    return json({ embargo });
  },
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
