import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { embargoStory } from "@/lib/schedules/embargo-story";
import { readEmbargo } from "@/lib/schedules/lift-embargo";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/embargo",
  params: StoryPathInput,
  run: async ({ actor, params: { slug } }) => {
    const until = await readEmbargo({ actor, slug });
    return json({ embargo: { slug, embargoUntil: until?.toISOString() ?? null } });
  },
});

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/embargo",
  params: StoryPathInput,
  // embargoStory parses its own input (EmbargoInput).
  body: z.unknown(),
  run: async ({ actor, params: { slug }, body }) => {
    const embargo = await embargoStory({ actor, slug, input: body });
    // Nothing public changes, but drop anything cached for the address all the same.
    invalidatePublicStory({ slug });
    return json({ embargo });
  },
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
