import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RemovalPathInput } from "@/lib/api/path-input";
import { declineLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";

export const dynamic = "force-dynamic";

/** Another admin declines a pending request, with a reason; nothing is removed. */
export const POST = apiRoute({
  name: "POST /api/v1/removals/[number]/decline",
  params: RemovalPathInput,
  // declineLegalRemoval parses the reason itself (DeclineLegalRemovalInput), after checking who asks.
  body: z.unknown(),
  run: async ({ actor, params: { number }, body }) =>
    json({ removal: await declineLegalRemoval({ actor, number, input: body }) }),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
