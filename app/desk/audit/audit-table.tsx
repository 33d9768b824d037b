import Link from "next/link";
import type { ReactNode } from "react";

import { DeskTime } from "@/app/_components/desk-time";
import type { AuditEntryDto } from "@/lib/audit/audit-log";

function storyPath(slug: string): string {
  return `/desk/stories/${encodeURIComponent(slug)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The facts an entry carries beyond who and what, as short phrases. */
function facts(entry: AuditEntryDto): ReactNode[] {
  const { detail } = entry;
  const found: ReactNode[] = [];
  if (typeof detail.fromRole === "string" && typeof detail.toRole === "string")
    found.push(`${detail.fromRole} → ${detail.toRole}`);
  if (typeof detail.role === "string") found.push(`as ${detail.role}`);
  if (typeof detail.sessionsEnded === "number" && detail.sessionsEnded > 0)
    found.push(`${plural(detail.sessionsEnded, "session", "sessions")} ended`);
  if (typeof detail.tokensRevoked === "number" && detail.tokensRevoked > 0)
    found.push(`${plural(detail.tokensRevoked, "token", "tokens")} revoked`);
  if (typeof detail.removal === "number")
    found.push(
      <Link key="removal" href={`/desk/removals/${detail.removal}`}>
        Removal {detail.removal}
      </Link>,
    );
  if (entry.kind === "schedule_ran")
    found.push(
      detail.outcome === "published"
        ? `published revision ${String(detail.publishedRevision)}${detail.late ? ", late" : ""}`
        : "held",
    );
  if (entry.method) found.push(`by ${entry.method.replace("_", " ")}`);
  if (typeof detail.reason === "string") found.push(detail.reason.replaceAll("_", " "));
  if (entry.email && !entry.subject) found.push(`as ${entry.email}`);
  return found;
}

function What({ entry }: { entry: AuditEntryDto }) {
  const extra = facts(entry);
  return (
    <>
      <span className="audit-kind">{entry.label}</span>
      {entry.story ? (
        <div>
          <Link href={storyPath(entry.story.slug)}>{entry.story.headline}</Link>
          {entry.revision !== null ? (
            <>
              {" · "}
              <Link href={`${storyPath(entry.story.slug)}/revisions/${entry.revision}`}>
                revision {entry.revision}
              </Link>
            </>
          ) : null}
        </div>
      ) : null}
      {entry.token ? (
        <div>
          Token “{entry.token.name}” <span className="desk-mono desk-muted">{entry.token.prefix}…</span>
        </div>
      ) : null}
      {extra.length ? (
        <div className="desk-small desk-muted">
          {extra.map((fact, index) => (
            <span key={index}>
              {index > 0 ? " · " : ""}
              {fact}
            </span>
          ))}
        </div>
      ) : null}
      {entry.reason ? <p className="audit-reason">{entry.reason}</p> : null}
    </>
  );
}

function PersonCell({ person, nobody = "—" }: { person: AuditEntryDto["actor"]; nobody?: string }) {
  if (!person) return <span className="desk-muted">{nobody}</span>;
  return (
    <>
      {person.name}
      <div className="desk-muted desk-small audit-email">{person.email}</div>
    </>
  );
}

/** A cell with nothing to say: a dash on wide screens, left out of a stacked entry on narrow ones. */
function EmptyCell() {
  return (
    <td className="desk-small audit-empty">
      <span className="desk-muted" aria-label="none">
        —
      </span>
    </td>
  );
}

/** One page of the log, newest first; on narrow screens each entry stacks with its labels. */
export function AuditTable({ entries }: { entries: AuditEntryDto[] }) {
  return (
    <div className="desk-table-wrap">
      <table className="desk-table desk-table-stack audit-table">
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">By</th>
            <th scope="col">About</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-kind={entry.kind}>
              <td className="desk-small audit-when">
                <DeskTime iso={entry.at} relative={false} />
              </td>
              <td data-label="What">
                <What entry={entry} />
              </td>
              <td data-label="By" className="desk-small">
                {/* No actor: a sign-in attempt naming no account (its email is under What), or the system (the command line, the first start). */}
                <PersonCell person={entry.actor} nobody={entry.email ? "—" : "the system"} />
              </td>
              {entry.subject && entry.subject.id !== entry.actor?.id ? (
                <td data-label="About" className="desk-small">
                  <PersonCell person={entry.subject} />
                </td>
              ) : (
                <EmptyCell />
              )}
              {entry.clientAddress && entry.clientAddress !== "unknown" ? (
                <td data-label="From" className="desk-small">
                  <span className="desk-mono">{entry.clientAddress}</span>
                </td>
              ) : (
                <EmptyCell />
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
