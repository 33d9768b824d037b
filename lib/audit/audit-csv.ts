import { stringify } from "csv-stringify/sync";

import { formatNewsroomTime, type TimeStyle } from "@/lib/editorial/newsroom-time";

import type { AuditEntryDto } from "./audit-log";

const header = [
  "Time (UTC)",
  "Time (newsroom)",
  "Kind",
  "What",
  "By",
  "By email",
  "To",
  "To email",
  "Story",
  "Headline",
  "Revision",
  "Token",
  "Token prefix",
  "Address",
  "Method",
  "Email typed",
  "Reason",
  "Detail",
];

/**
 * A cell a spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage return that some
 * read past) gets a leading apostrophe, so a headline or a reason can never become a formula (OWASP, "CSV
 * injection"). Numbers are written as numbers.
 */
export function neutraliseCell(value: string | number | null): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function row(entry: AuditEntryDto, clock: { zone: string; style: TimeStyle }): (string | number)[] {
  const detail = Object.keys(entry.detail).length ? JSON.stringify(entry.detail) : "";
  return [
    entry.at,
    formatNewsroomTime({ instant: new Date(entry.at), ...clock }),
    entry.kind,
    entry.label,
    entry.actor?.name ?? "",
    entry.actor?.email ?? "",
    entry.subject?.name ?? "",
    entry.subject?.email ?? "",
    entry.story?.slug ?? "",
    entry.story?.headline ?? "",
    entry.revision,
    entry.token?.name ?? "",
    entry.token?.prefix ?? "",
    entry.clientAddress,
    entry.method,
    entry.email,
    entry.reason,
    detail,
  ].map(neutraliseCell);
}

/** The header line of the export (RFC 4180, CRLF line ends). */
export function auditCsvHeader(): string {
  return stringify([header], { record_delimiter: "\r\n" });
}

/** Lines for some entries, quoted where a cell holds a comma, quote or line break. */
export function auditCsvRows(options: { entries: AuditEntryDto[]; zone: string; style: TimeStyle }): string {
  if (options.entries.length === 0) return "";
  const clock = { zone: options.zone, style: options.style };
  return stringify(
    options.entries.map((entry) => row(entry, clock)),
    { record_delimiter: "\r\n" },
  );
}
