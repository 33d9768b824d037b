import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RemovalPathInput } from "@/lib/api/path-input";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";

export const dynamic = "force-dynamic";

/** A second admin approves: everything the request names is removed from every stored copy, in one transaction. */
export const POST = apiRoute({
  name: "POST /api/v1/removals/[number]/approve",
  params: RemovalPathInput,
  run: async ({ actor, params: { number } }) =>
    json({ removal: await approveLegalRemoval({ actor, number }) }),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
