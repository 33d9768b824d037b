import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { createStory } from "@/lib/revisions/create-story";
import { listStories } from "@/lib/stories/list-stories";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/v1/stories", async (request) => {
  const actor = await authenticateRequest({ request });
  const query = new URL(request.url).searchParams;
  return json(
    await listStories({
      actor,
      query: query.get("q") ?? undefined,
      status: query.get("status") ?? undefined,
      cursor: query.get("cursor") ?? undefined,
      limit: query.get("limit") ?? undefined,
    }),
  );
});

export const POST = apiRoute("POST /api/v1/stories", async (request) => {
  const actor = await authenticateRequest({ request });
  const input = await readJsonBody({ request });
  const result = await createStory({
    actor,
    input,
    idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
  });
  return json(result, 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
