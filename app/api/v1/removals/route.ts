import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { listLegalRemovals } from "@/lib/legal-removals/list-legal-removals";

export const dynamic = "force-dynamic";

/** Legal removal requests, newest first, each saying whether it waits for you. Admins only. */
export const GET = apiRoute({
  name: "GET /api/v1/removals",
  run: async ({ actor, query }) =>
    json({
      removals: await listLegalRemovals({
        actor,
        state: query.get("state") ?? undefined,
        slug: query.get("slug") ?? undefined,
      }),
    }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
