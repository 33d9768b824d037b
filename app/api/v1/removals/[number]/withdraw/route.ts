import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { RemovalPathInput } from "@/lib/api/path-input";
import { withdrawLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";

export const dynamic = "force-dynamic";

/** The admin who asked withdraws their pending request; nothing is removed. */
export const POST = apiRoute({
  name: "POST /api/v1/removals/[number]/withdraw",
  params: RemovalPathInput,
  // withdrawLegalRemoval parses the optional reason itself (WithdrawLegalRemovalInput); no body is no reason.
  body: z.unknown(),
  run: async ({ actor, params: { number }, body }) =>
    json({ removal: await withdrawLegalRemoval({ actor, number, input: body ?? {} }) }),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
