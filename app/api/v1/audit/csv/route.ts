import { apiRoute, otherMethods } from "@/app/_support/api-route";
import { auditQueryInput } from "@/app/api/v1/audit/audit-query-input";
import { auditCsvHeader, auditCsvRows } from "@/lib/audit/audit-csv";
import { exportAuditLog } from "@/lib/audit/audit-log";
import { newsroomSettings } from "@/lib/public/newsroom-settings";

export const dynamic = "force-dynamic";

/**
 * The audit log as CSV, every entry the filters match (no `cursor` needed), streamed page by page so a long
 * export never sits in memory. Admins only; the permission and the filters are checked before the first byte.
 */
export const GET = apiRoute({
  name: "GET /api/v1/audit/csv",
  run: async ({ actor, query }) => {
    const pages = await exportAuditLog({ actor, input: auditQueryInput(query) });
    const { timeZone, timeStyle } = newsroomSettings();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // A byte-order mark, so spreadsheet programs read the names as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${auditCsvHeader()}`));
      },
      async pull(controller) {
        const next = await pages.next();
        if (next.done) return controller.close();
        controller.enqueue(
          encoder.encode(auditCsvRows({ entries: next.value, zone: timeZone, style: timeStyle })),
        );
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="copydesk-audit-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
