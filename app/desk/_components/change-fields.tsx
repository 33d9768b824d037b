"use client";

import { memo } from "react";

import { noteRequiredKinds } from "@/lib/revisions/revision-content";
import { savableKinds } from "@/lib/revisions/save-revision-input";
import { isOneOf } from "@/lib/validation/one-of";

import { kindLabels, type ChangeDraft, type SavableKind } from "./editor-draft";
import { errorProps, FieldError } from "./field-error";

type Props = {
  change: ChangeDraft;
  onChange: (change: ChangeDraft) => void;
  fieldErrors: Record<string, string>;
};

export function needsNote(kind: SavableKind): boolean {
  return isOneOf(noteRequiredKinds, kind);
}

const notePlaceholders: Partial<Record<SavableKind, string>> = {
  correction: "An earlier version of this story misstated …",
  clarification: "This story has been updated to make clear …",
  editors_note: "Editor's note: …",
};

/**
 * What kind of change this revision is, and which of its words readers will see: the public summary (change
 * log and feed) and the public note (printed on the story). The internal note never leaves the desk.
 */
export const ChangeFields = memo(function ChangeFields({
  change,
  onChange,
  fieldErrors,
  idPrefix = "change",
}: Props & { idPrefix?: string }) {
  const summaryError = fieldErrors.summary;
  const noteError = fieldErrors.note;
  return (
    <fieldset className="desk-panel">
      <legend className="desk-legend">This change</legend>
      <div className="desk-field">
        <label htmlFor={`${idPrefix}-kind`}>Kind of change</label>
        <select
          id={`${idPrefix}-kind`}
          value={change.kind}
          onChange={(event) => {
            const kind = event.target.value;
            if (isOneOf(savableKinds, kind)) onChange({ ...change, kind });
          }}
        >
          {savableKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
        {change.kind === "minor" ? (
          <p className="desk-hint">
            A minor fix is published without moving the story&apos;s “Updated” time.
          </p>
        ) : null}
      </div>
      <div className="desk-field">
        <label htmlFor={`${idPrefix}-summary`}>
          Public summary{change.kind === "minor" ? " (optional)" : ""}
        </label>
        <input
          id={`${idPrefix}-summary`}
          type="text"
          maxLength={500}
          placeholder="What changed, in a sentence readers will understand"
          value={change.summary}
          onChange={(event) => onChange({ ...change, summary: event.target.value })}
          aria-describedby={`${idPrefix}-summary-hint${summaryError ? ` ${idPrefix}-summary-error` : ""}`}
          aria-invalid={summaryError ? true : undefined}
        />
        <p className="desk-hint" id={`${idPrefix}-summary-hint`}>
          <span className="desk-badge desk-badge-public">Readers see this</span> in the story&apos;s change
          log and its feed.
        </p>
        <FieldError id={`${idPrefix}-summary-error`} message={summaryError} />
      </div>
      {needsNote(change.kind) ? (
        <div className="desk-field">
          <label htmlFor={`${idPrefix}-note`}>Public note</label>
          <textarea
            id={`${idPrefix}-note`}
            rows={3}
            placeholder={notePlaceholders[change.kind]}
            value={change.note}
            onChange={(event) => onChange({ ...change, note: event.target.value })}
            {...errorProps(`${idPrefix}-note-error`, noteError)}
            aria-required="true"
          />
          <p className="desk-hint">
            <span className="desk-badge desk-badge-public">Readers see this</span> printed on the story.
            Required for a {kindLabels[change.kind].toLowerCase()}, and never dropped by later updates.
          </p>
          <FieldError id={`${idPrefix}-note-error`} message={noteError} />
        </div>
      ) : null}
      <div className="desk-field">
        <label htmlFor={`${idPrefix}-internal-note`}>Internal note (optional)</label>
        <textarea
          id={`${idPrefix}-internal-note`}
          rows={2}
          maxLength={5000}
          placeholder="For colleagues: sources, what still needs checking …"
          value={change.internalNote ?? ""}
          onChange={(event) => onChange({ ...change, internalNote: event.target.value })}
          aria-describedby={`${idPrefix}-internal-note-hint`}
        />
        <p className="desk-hint" id={`${idPrefix}-internal-note-hint`}>
          <span className="desk-badge desk-badge-internal">Newsroom only</span> kept in the history on the
          desk; never shown to readers.
        </p>
      </div>
    </fieldset>
  );
});
