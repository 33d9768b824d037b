import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";

export const dynamic = "force-dynamic";

/** An admin asks for passages, photos or contributors to be removed from the story; another admin approves. */
export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/removals",
  params: StoryPathInput,
  // requestLegalRemoval parses the request itself (LegalRemovalRequestInput), after checking who asks, so a
  // non-admin is refused as such whatever the body says.
  body: z.unknown(),
  run: async ({ actor, params: { slug }, body }) =>
    json({ removal: await requestLegalRemoval({ actor, slug, input: body }) }, 201),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
