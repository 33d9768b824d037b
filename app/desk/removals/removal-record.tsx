import { DeskTime } from "@/app/_components/desk-time";
import type { LegalRemovalRecordDto } from "@/lib/legal-removals/legal-removal-dto";

import { fieldLabel } from "./removal-words";

const kindLabels = { passage: "Passage", photo: "Photo", contributor: "Contributor" } as const;

/** The append-only record of an approved removal: who, when, and which stored copies changed. No removed text. */
export function RemovalRecord({ record }: { record: LegalRemovalRecordDto }) {
  return (
    <section className="desk-panel" aria-labelledby="removal-record">
      <h2 id="removal-record">Removal record</h2>
      <p>
        Approved by {record.approvedBy.name}, <DeskTime iso={record.approvedAt} />.{" "}
        {record.liveChanged
          ? "What readers see changed, so the story’s “Updated” time moved."
          : "What readers see did not change."}
      </p>
      <dl className="desk-removal-facts">
        <dt>Revisions changed</dt>
        <dd>
          {record.revisionsChanged.length === 0 ? (
            <span className="desk-muted">None</span>
          ) : (
            <ul className="desk-removal-list">
              {record.revisionsChanged.map((entry) => (
                <li key={entry.revision}>
                  Revision {entry.revision}: {entry.fields.map(fieldLabel).join(", ")}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Elsewhere</dt>
        <dd>
          {record.elsewhereChanged.length === 0 ? (
            <span className="desk-muted">Nothing else</span>
          ) : (
            <ul className="desk-removal-list">
              {record.elsewhereChanged.map((entry) => (
                <li key={entry.table}>
                  <span className="desk-mono">{entry.table}</span>: {entry.rows}{" "}
                  {entry.rows === 1 ? "row" : "rows"}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Fingerprints kept</dt>
        <dd>
          {record.removed
            .map((entry) =>
              entry.field ? `${kindLabels[entry.kind]} (${fieldLabel(entry.field)})` : kindLabels[entry.kind],
            )
            .join(", ")}
          <div className="desk-hint">
            A salted SHA-256 of each removed text, so it can be recognised later.
          </div>
        </dd>
      </dl>
    </section>
  );
}
