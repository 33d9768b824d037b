import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { listAuditLog } from "@/lib/audit/audit-log";

import { auditQueryInput } from "./audit-query-input";

export const dynamic = "force-dynamic";

/** The newsroom audit log, newest first, a page at a time (`cursor`). Admins only. */
export const GET = apiRoute({
  name: "GET /api/v1/audit",
  run: async ({ actor, query }) => json(await listAuditLog({ actor, input: auditQueryInput(query) })),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
