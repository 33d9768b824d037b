import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { diffRevisions } from "@/lib/revisions/diff-revisions";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(
  "GET /api/v1/stories/[slug]/diff",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const query = new URL(request.url).searchParams;
    return json(
      await diffRevisions({ actor, slug, from: query.get("from") ?? "", to: query.get("to") ?? "" }),
    );
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
