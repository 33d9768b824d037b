import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RevisionPathInput } from "@/lib/api/path-input";
import { getRevision } from "@/lib/revisions/get-revision";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/stories/[slug]/revisions/[number]",
  params: RevisionPathInput,
  run: async ({ actor, params: { slug, number } }) =>
    json({ revision: await getRevision({ actor, slug, number }) }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
