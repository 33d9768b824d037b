import { apiRoute, json, otherMethods } from "@/app/_support/api-route";

export const dynamic = "force-dynamic";

/** Who the API sees: lets an integration check its token before doing real work. */
export const GET = apiRoute({
  name: "GET /api/v1/me",
  run: async ({ actor }) => json({ email: actor.email, name: actor.name, role: actor.role, via: actor.via }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
