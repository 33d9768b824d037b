"use client";

import { noteRequiredKinds } from "@/lib/revisions/revision-content";
import { savableKinds } from "@/lib/revisions/save-revision-input";
import { type ChangeDraft, type SavableKind, kindLabels } from "./editor-draft";
import { FieldError, errorProps } from "./field-error";

type Props = { change: ChangeDraft; onChange: (change: ChangeDraft) => void; fieldErrors: Record<string, string> };

export function needsNote(kind: SavableKind): boolean {
  return (noteRequiredKinds as readonly string[]).includes(kind);
}

const notePlaceholders: Partial<Record<SavableKind, string>> = {
  correction: "An earlier version of this story misstated …",
  clarification: "This story has been updated to make clear …",
  editors_note: "Editor's note: …",
};

/** What kind of change this revision is, its summary for the history, and the public note readers see. */
export function ChangeFields({ change, onChange, fieldErrors }: Props) {
  const summaryError = fieldErrors.summary;
  const noteError = fieldErrors.note;
  return (
    <fieldset className="desk-panel">
      <legend className="desk-legend">This change</legend>
      <div className="desk-field">
        <label htmlFor="change-kind">Kind of change</label>
        <select id="change-kind" value={change.kind} onChange={(event) => onChange({ ...change, kind: event.target.value as SavableKind })}>
          {savableKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
        {change.kind === "minor" ? <p className="desk-hint">A minor fix is published without moving the story&apos;s “Updated” time.</p> : null}
      </div>
      <div className="desk-field">
        <label htmlFor="change-summary">Summary{change.kind === "minor" ? " (optional)" : ""}</label>
        <input id="change-summary" type="text" maxLength={500} placeholder="What changed, for the history" value={change.summary} onChange={(event) => onChange({ ...change, summary: event.target.value })} {...errorProps("change-summary-error", summaryError)} />
        <FieldError id="change-summary-error" message={summaryError} />
      </div>
      {needsNote(change.kind) ? (
        <div className="desk-field">
          <label htmlFor="change-note">Public note (shown to readers)</label>
          <textarea id="change-note" rows={3} placeholder={notePlaceholders[change.kind]} value={change.note} onChange={(event) => onChange({ ...change, note: event.target.value })} {...errorProps("change-note-error", noteError)} aria-required="true" />
          <p className="desk-hint">Required for a {kindLabels[change.kind].toLowerCase()}: it is printed on the story and never dropped by later updates.</p>
          <FieldError id="change-note-error" message={noteError} />
        </div>
      ) : null}
    </fieldset>
  );
}
