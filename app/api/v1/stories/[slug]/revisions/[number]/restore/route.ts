import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { RestoreRevisionInput } from "@/lib/revisions/restore-revision-input";
import { RevisionPathInput } from "@/lib/revisions/revision-number-input";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; number: string }>(
  "POST /api/v1/stories/[slug]/revisions/[number]/restore",
  async (request, params) => {
    const actor = await authenticateRequest({ request });
    const { number } = parseInput({ schema: RevisionPathInput, input: { number: params.number } });
    const input = parseInput({ schema: RestoreRevisionInput, input: await readJsonBody({ request }) });
    const result = await restoreRevision({
      actor,
      slug: params.slug,
      number,
      ...input,
      idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    });
    return json(result, result.outcome === "created" ? 201 : 200);
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
