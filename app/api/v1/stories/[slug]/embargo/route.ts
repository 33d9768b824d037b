import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { embargoStory } from "@/lib/schedules/embargo-story";
import { readEmbargo } from "@/lib/schedules/lift-embargo";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(
  "GET /api/v1/stories/[slug]/embargo",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const until = await readEmbargo({ actor, slug });
    return json({ embargo: { slug, embargoUntil: until?.toISOString() ?? null } });
  },
);

export const POST = apiRoute<{ slug: string }>(
  "POST /api/v1/stories/[slug]/embargo",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const embargo = await embargoStory({ actor, slug, input: await readJsonBody({ request }) });
    // Nothing public changes, but drop anything cached for the address all the same.
    return json({ embargo });
  },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
