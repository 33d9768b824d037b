"use client";

import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import type { RevisionKind } from "@/lib/db/generated/enums";
import type { SubstantiveChange } from "@/lib/editorial/minor-change-check";
import {
  isNoteKind,
  type NoteRemoval,
  type PendingChange,
  type PublicationPlan,
} from "@/lib/revisions/publication-plan";

const readerKindLabels: Record<RevisionKind, string> = {
  initial: "First publication",
  update: "Update",
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor’s note",
  minor: "Minor fix",
  restore: "Earlier version restored",
};

const noteLabels = {
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor’s note",
} as const;

const changeWords: Record<SubstantiveChange, string> = {
  headline: "the headline",
  numbers: "numbers",
  quotes: "quotations",
  names: "names",
};

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * What the summary row says: the summary, or why there is none, or that one is still missing (listed below
 * it).
 */
function summaryLine(options: { kind: RevisionKind; summary: string }): string {
  const { kind, summary } = options;
  if (kind === "initial")
    return summary
      ? `“${summary}” (kept in the history: a first publication has no change log entry)`
      : "None: a first publication has no change log entry";
  if (summary) return `“${summary}”`;
  return kind === "minor"
    ? "None: a minor fix is not listed in the change log"
    : "Missing: readers see it in the change log";
}

type Props = {
  idPrefix: string;
  plan: PublicationPlan;
  summary: string;
  /** Drafts since the live revision whose notes this publication carries (or leaves out, on purpose). */
  pending: PendingChange[];
  removals: NoteRemoval[];
  onRemovalsChange: (removals: NoteRemoval[]) => void;
  /** What a change marked minor alters that readers rely on; empty when it is not minor or alters none. */
  minorWarnings: SubstantiveChange[];
  minorConfirmed: boolean;
  onMinorConfirmed: (confirmed: boolean) => void;
};

/**
 * What readers will get from a publication, spelled out before it happens: the kind they see, the public
 * summary, every public note (with the drafts' notes it carries), and whether the "Updated" time moves.
 */
export function PublicationSummary(props: Props) {
  const { idPrefix, plan, summary, pending, removals, minorWarnings } = props;
  const removed = new Map(removals.map((removal) => [removal.revision, removal.reason]));
  const pendingNotes = pending.flatMap(({ kind, ...change }) =>
    isNoteKind(kind) && change.publicNote ? [{ ...change, kind }] : [],
  );
  const setRemoval = (revision: number, reason: string | null) =>
    props.onRemovalsChange([
      ...removals.filter((removal) => removal.revision !== revision),
      ...(reason === null ? [] : [{ revision, reason }]),
    ]);
  const ownNote = plan.publicNote ? [{ key: "own", kind: plan.kind, text: plan.publicNote }] : [];
  const carriedOwn = plan.carriedNotes.filter(
    (note) => !pendingNotes.some((change) => change.number === note.revision),
  );

  return (
    <div className="desk-publication" aria-label="What readers will get">
      <dl className="desk-publication-facts">
        <div>
          <dt>Readers see it as</dt>
          <dd>
            <strong>{readerKindLabels[plan.kind]}</strong>
          </dd>
        </div>
        <div>
          <dt>“Updated” time</dt>
          <dd>
            {plan.kind === "initial"
              ? "None yet: this is the first publication"
              : plan.movesUpdated
                ? "Moves to now"
                : "Stays as it is (listed in the change log)"}
          </dd>
        </div>
        <div>
          <dt>Public summary</dt>
          <dd>{summaryLine({ kind: plan.kind, summary: summary.trim() })}</dd>
        </div>
      </dl>
      {ownNote.length + carriedOwn.length + pendingNotes.length > 0 ? (
        <div className="desk-publication-notes">
          <p className="desk-publication-heading">Public notes printed on the story</p>
          <ul>
            {[
              ...ownNote,
              ...carriedOwn.map((note) => ({ key: `own-${note.kind}`, kind: note.kind, text: note.text })),
            ].map((note) => (
              <li key={note.key}>
                <strong>
                  {isNoteKind(note.kind) ? noteLabels[note.kind] : readerKindLabels[note.kind]}:
                </strong>{" "}
                <RemovalMarkedText text={note.text} />
              </li>
            ))}
            {pendingNotes.map((change) => {
              const reason = removed.get(change.number);
              return (
                <li
                  key={change.number}
                  className={reason === undefined ? undefined : "desk-publication-removed"}
                >
                  <strong>{noteLabels[change.kind]}:</strong> {change.publicNote}{" "}
                  <span className="desk-muted">(saved in draft revision {change.number})</span>
                  <label className="desk-check">
                    <input
                      type="checkbox"
                      checked={reason !== undefined}
                      onChange={(event) => setRemoval(change.number, event.target.checked ? "" : null)}
                    />
                    Leave this note out
                  </label>
                  {reason !== undefined ? (
                    <div className="desk-field">
                      <label htmlFor={`${idPrefix}-removal-${change.number}`}>
                        Why it is left out (kept in the history)
                      </label>
                      <input
                        id={`${idPrefix}-removal-${change.number}`}
                        type="text"
                        maxLength={1000}
                        value={reason}
                        onChange={(event) => setRemoval(change.number, event.target.value)}
                      />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {minorWarnings.length > 0 ? (
        <div className="desk-notice desk-notice-warn" role="alert">
          <p>
            <strong>
              Marked minor, but it changes {listWords(minorWarnings.map((change) => changeWords[change]))}.
            </strong>{" "}
            A minor fix does not move the “Updated” time. If readers were told something different before,
            make it a correction instead.
          </p>
          <label className="desk-check">
            <input
              type="checkbox"
              checked={props.minorConfirmed}
              onChange={(event) => props.onMinorConfirmed(event.target.checked)}
            />
            It is still a minor fix
          </label>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Whether the editor settled everything the summary asked: a reason for each removed note, the minor check.
 */
export function publicationReady(options: {
  removals: NoteRemoval[];
  minorWarnings: SubstantiveChange[];
  minorConfirmed: boolean;
}): boolean {
  return (
    options.removals.every((removal) => removal.reason.trim() !== "") &&
    (options.minorWarnings.length === 0 || options.minorConfirmed)
  );
}
