import { z } from "zod";

import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { markInboxRead } from "@/lib/inbox/inbox";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  name: "POST /api/v1/inbox/read",
  // markInboxRead parses it (MarkInboxReadInput).
  body: z.unknown(),
  run: async ({ actor, body }) => json(await markInboxRead({ actor, input: body })),
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
