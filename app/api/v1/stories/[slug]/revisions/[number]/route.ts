import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { getRevision } from "@/lib/revisions/get-revision";
import { RevisionPathInput } from "@/lib/revisions/revision-number-input";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string; number: string }>(
  "GET /api/v1/stories/[slug]/revisions/[number]",
  async (request, params) => {
    const actor = await authenticateRequest({ request });
    const { number } = parseInput({ schema: RevisionPathInput, input: { number: params.number } });
    return json({ revision: await getRevision({ actor, slug: params.slug, number }) });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
