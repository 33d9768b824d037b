import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { saveRevision } from "@/lib/revisions/save-revision";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(
  "GET /api/v1/stories/[slug]/revisions",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const query = new URL(request.url).searchParams;
    return json(
      await listRevisions({
        actor,
        slug,
        cursor: query.get("cursor") ?? undefined,
        limit: query.get("limit") ?? undefined,
      }),
    );
  },
);

export const POST = apiRoute<{ slug: string }>(
  "POST /api/v1/stories/[slug]/revisions",
  async (request, { slug }) => {
    const actor = await authenticateRequest({ request });
    const input = await readJsonBody({ request });
    const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
    const result = await saveRevision({ actor, slug, input, idempotencyKey });
    return json(result, result.outcome === "created" ? 201 : 200);
  },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
