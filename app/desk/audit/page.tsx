import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DayField, DeskField } from "@/app/desk/_components/desk-field";
import { errorProps } from "@/app/desk/_components/field-error";
import { auditKindGroups } from "@/lib/audit/audit-kinds";
import { listAuditLog, type AuditPage } from "@/lib/audit/audit-log";
import { listUsers, type UserDto } from "@/lib/auth/users";
import { firstValues } from "@/lib/desk/desk-query-input";
import { fieldProblemsOf, isAppError } from "@/lib/errors/app-error";

import { AuditTable } from "./audit-table";

import "./audit.css";

export const metadata: Metadata = { title: "Audit log" };

const filterNames = ["person", "story", "kind", "from", "to"] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>>;

type Refusal = { message: string; field: string | null };

function queryOf(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function refusalOf(error: unknown): Refusal {
  if (!isAppError(error)) throw error;
  const field =
    fieldProblemsOf(error).find((item) => (filterNames as readonly string[]).includes(item.path))?.path ??
    null;
  return { message: error.userMessage, field };
}

/**
 * The newsroom's audit log: who published, withdrew, signed in, changed a role or used a token, and when.
 * A GET form, so a filtered view is a link an admin can share; the CSV link carries the same filters.
 */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor({ permission: "audit:read", callbackPath: "/desk/audit" });
  const query = firstValues(await searchParams);
  const filters: Filters = Object.fromEntries(
    filterNames.map((name) => [name, query[name]?.trim() || undefined]),
  );
  let page: AuditPage = { entries: [], nextCursor: null };
  let refusal: Refusal | null = null;
  try {
    page = await listAuditLog({ actor, input: { ...filters, cursor: query.cursor || undefined } });
  } catch (error) {
    refusal = refusalOf(error);
  }
  const people: UserDto[] = await listUsers({ actor });
  const filtered = filterNames.some((name) => filters[name]);
  const fieldMessage = (name: string) => (refusal?.field === name ? refusal.message : undefined);

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>Audit log</h1>
          <p className="desk-lede">
            Everything that changed who could do what, or what readers saw, newest first. Times are newsroom
            time.
          </p>
        </div>
      </div>
      <form
        className="desk-filters audit-filters"
        action="/desk/audit"
        method="get"
        aria-label="Filter the log"
      >
        <DeskField id="audit-person" label="Person" error={fieldMessage("person")}>
          <input
            id="audit-person"
            name="person"
            list="audit-people"
            defaultValue={filters.person ?? ""}
            placeholder="Email: who acted, or was acted on"
            autoComplete="off"
            {...errorProps("audit-person-error", fieldMessage("person"))}
          />
          <datalist id="audit-people">
            {people.map((person) => (
              <option key={person.id} value={person.email}>
                {person.name}
              </option>
            ))}
          </datalist>
        </DeskField>
        <DeskField id="audit-story" label="Story slug" error={fieldMessage("story")}>
          <input
            id="audit-story"
            name="story"
            defaultValue={filters.story ?? ""}
            placeholder="e.g. city-council-vote"
            autoComplete="off"
            {...errorProps("audit-story-error", fieldMessage("story"))}
          />
        </DeskField>
        <DeskField id="audit-kind" label="Kind" error={fieldMessage("kind")}>
          <select
            id="audit-kind"
            name="kind"
            defaultValue={filters.kind ?? ""}
            {...errorProps("audit-kind-error", fieldMessage("kind"))}
          >
            <option value="">Every kind</option>
            {auditKindGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {Object.entries(group.kinds).map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </DeskField>
        <DayField
          id="audit-from"
          name="from"
          label="From"
          value={filters.from ?? ""}
          error={fieldMessage("from")}
          className="desk-field-narrow"
        />
        <DayField
          id="audit-to"
          name="to"
          label="To"
          value={filters.to ?? ""}
          error={fieldMessage("to")}
          className="desk-field-narrow"
        />
        <div className="desk-button-row">
          <button type="submit" className="desk-button desk-button-primary">
            Filter
          </button>
          {filtered ? (
            <Link className="desk-button" href="/desk/audit">
              Clear
            </Link>
          ) : null}
          {refusal ? null : (
            <a className="desk-button" href={`/api/v1/audit/csv${queryOf(filters)}`} download>
              Download CSV
            </a>
          )}
        </div>
      </form>
      {refusal && !refusal.field ? (
        <p role="alert" className="desk-error">
          {refusal.message}
        </p>
      ) : null}
      {refusal ? null : page.entries.length === 0 ? (
        <div className="desk-panel">
          <p>{filtered ? "Nothing in the log matches these filters." : "Nothing has been recorded yet."}</p>
        </div>
      ) : (
        <AuditTable entries={page.entries} />
      )}
      {page.nextCursor ? (
        <nav className="desk-pager" aria-label="Audit log pages">
          <span />
          <Link href={`/desk/audit${queryOf(filters, { cursor: page.nextCursor })}`}>Older entries →</Link>
        </nav>
      ) : null}
    </>
  );
}
