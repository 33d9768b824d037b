import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RevisionPathInput } from "@/lib/api/path-input";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { PublishRevisionInput } from "@/lib/revisions/publish-revision-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/stories/[slug]/revisions/[number]/publish",
  params: RevisionPathInput,
  body: PublishRevisionInput,
  run: async ({ actor, params: { slug, number }, body, idempotencyKey }) => {
    const result = await publishRevision({ actor, slug, number, ...body, idempotencyKey });
    if (result.outcome === "created") invalidatePublicStory({ slug });
    return json(result, result.outcome === "created" ? 201 : 200);
  },
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
