import type { AuditLogInput } from "@/lib/audit/audit-log";

/**
 * The query string as the audit log's input: each named parameter once (the service refuses what is wrong
 * with it), and any other parameter too, so a misspelt filter is refused by name instead of ignored.
 */
export function auditQueryInput(query: URLSearchParams): AuditLogInput {
  return Object.fromEntries(query.entries()) as AuditLogInput;
}
