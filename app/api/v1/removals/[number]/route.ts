import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RemovalPathInput } from "@/lib/api/path-input";
import { getLegalRemoval } from "@/lib/legal-removals/list-legal-removals";

export const dynamic = "force-dynamic";

/** One request, with its removal record once approved (the record keeps no removed text). Admins only. */
export const GET = apiRoute({
  name: "GET /api/v1/removals/[number]",
  params: RemovalPathInput,
  run: async ({ actor, params: { number } }) => json({ removal: await getLegalRemoval({ actor, number }) }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
