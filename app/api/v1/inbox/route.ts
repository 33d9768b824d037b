import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { listInbox } from "@/lib/inbox/inbox";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  name: "GET /api/v1/inbox",
  run: async ({ actor, query }) => json(await listInbox({ actor, query: Object.fromEntries(query) })),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
