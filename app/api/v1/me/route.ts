import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";

export const dynamic = "force-dynamic";

/** Who the API sees: lets an integration check its token before doing real work. */
export const GET = apiRoute("GET /api/v1/me", async (request) => {
  const actor = await authenticateRequest({ request });
  return json({ email: actor.email, name: actor.name, role: actor.role, via: actor.via });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
