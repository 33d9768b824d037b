"use client";

import { useMemo, useRef, useState } from "react";

import { publishRevisionAction } from "@/app/desk/_actions/publish-revision-action";
import type { SubstantiveChange } from "@/lib/editorial/minor-change-check";
import { planPublication, type NoteRemoval, type PendingChange } from "@/lib/revisions/publication-plan";
import {
  missingPublicNote,
  missingPublicSummary,
  picturesMissingAlt,
} from "@/lib/revisions/publication-requirements";

import { ChangeFields, needsNote } from "./change-fields";
import { DialogFooter } from "./dialog-footer";
import { emptyChange, type ChangeDraft, type SavableKind } from "./editor-draft";
import { keyFor } from "./idempotency-key";
import { missingFields, MissingItems } from "./missing-items";
import { OutgoingChanges } from "./outgoing-changes";
import { byName } from "./outgoing-content";
import { PendingScheduleChoice } from "./pending-schedule-choice";
import { publicationReady, PublicationSummary } from "./publication-summary";
import { useDialogAction } from "./use-dialog-action";
import { useOutgoing } from "./use-outgoing";
import { useScheduleChoice } from "./use-schedule-choice";

type Props = {
  slug: string;
  number: number;
  /** The draft's own kind, offered as the starting choice. */
  draftKind: SavableKind;
  pending: PendingChange[];
  firstPublication: boolean;
  /** What the draft changes that a minor fix may not (draft against the live revision). */
  substantive: SubstantiveChange[];
};

/**
 * Makes a submitted draft live from the history, always through the step where the editor sets what readers
 * get: the kind, the public summary and note (the contributor's own summary stays internal), then a summary
 * of the publication to confirm.
 */
export function PublishDraftButton({
  slug,
  number,
  draftKind,
  pending,
  firstPublication,
  substantive,
}: Props) {
  const {
    dialog,
    pending: busy,
    error,
    run,
  } = useDialogAction({
    unreachableMessage: "Could not reach the server. Nothing was published; try again.",
  });
  const [change, setChange] = useState<ChangeDraft>({ ...emptyChange, kind: draftKind });
  const [removals, setRemovals] = useState<NoteRemoval[]>([]);
  const [minorConfirmed, setMinorConfirmed] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  const outgoing = useOutgoing({ slug, open });
  const draft =
    outgoing.status === "ready"
      ? (outgoing.outgoing.drafts.find((saved) => saved.number === number) ?? null)
      : null;
  const ours = useMemo(() => (draft ? byName(draft.content) : null), [draft]);
  // Schedules waiting on the story (read when the dialog opens): the choice decides what goes out.
  const scheduled = useScheduleChoice({ outgoing, ours });
  const key = useRef({ payload: "", key: "" });
  const id = `publish-${number}`;

  const plan = planPublication({
    ownKind: change.kind,
    ownNote: change.note.trim() || null,
    ownNumber: 0,
    pending,
    removals,
    firstPublication,
  });
  const minorWarnings = change.kind === "minor" ? substantive : [];
  // The rules publishRevision applies: a note unless the draft carries one; a summary when readers are told.
  const draftNote = pending.find((draft) => draft.number === number)?.publicNote ?? null;
  const missing = missingFields({
    items: [
      draftNote ? null : missingPublicNote({ kind: change.kind, note: change.note }),
      firstPublication ? null : missingPublicSummary({ publishedKind: plan.kind, summary: change.summary }),
      ...(draft ? picturesMissingAlt(draft.content) : []),
    ].flatMap((item) => (item ? [item] : [])),
    imageKeys: [],
    idPrefix: id,
  });
  const ready =
    missing.length === 0 &&
    publicationReady({ removals, minorWarnings, minorConfirmed }) &&
    scheduled.goesOut !== null;

  const publish = () => {
    const options = {
      kind: change.kind,
      ...(change.summary.trim() ? { summary: change.summary } : {}),
      ...(needsNote(change.kind) && change.note.trim() ? { note: change.note } : {}),
      ...(change.internalNote.trim() ? { internalNote: change.internalNote } : {}),
      ...(removals.length ? { removeNotes: removals } : {}),
      ...(scheduled.field ? { pendingSchedules: scheduled.field } : {}),
    };
    return run(async () => {
      const state = await publishRevisionAction({
        slug,
        number,
        idempotencyKey: keyFor(key, { number, options }),
        options,
      });
      setFieldErrors(state.status === "error" ? state.fieldErrors : {});
      return state;
    });
  };

  return (
    <>
      <button
        type="button"
        className="desk-button desk-button-small desk-button-primary"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Publish revision {number}…
      </button>
      <dialog
        ref={dialog}
        className="desk-dialog desk-dialog-wide desk-dialog-confirm"
        aria-labelledby={`${id}-title`}
        onClose={() => setOpen(false)}
      >
        <h2 id={`${id}-title`}>Publish revision {number}?</h2>
        <p>Set what readers get with it. The draft&apos;s own summary stays in the newsroom.</p>
        {firstPublication ? null : (
          <ChangeFields idPrefix={id} change={change} fieldErrors={fieldErrors} onChange={setChange} />
        )}
        <MissingItems items={missing} onGoTo={(fieldId) => document.getElementById(fieldId)?.focus()} />
        <PublicationSummary
          idPrefix={id}
          plan={plan}
          summary={change.summary}
          pending={pending}
          removals={removals}
          onRemovalsChange={setRemovals}
          minorWarnings={minorWarnings}
          minorConfirmed={minorConfirmed}
          onMinorConfirmed={setMinorConfirmed}
        />
        <PendingScheduleChoice
          idPrefix={id}
          schedules={scheduled.schedules}
          choice={scheduled.choice}
          onChange={scheduled.setChoice}
          leaveRefusal={scheduled.leaveRefusal}
        />
        {outgoing.status === "ready" && scheduled.goesOut ? (
          <OutgoingChanges
            outgoing={outgoing.outgoing}
            goesOut={scheduled.goesOut}
            throughRevision={number}
            fromForm={false}
            printsNote={plan.publicNote !== null || plan.carriedNotes.length > 0}
            includedSchedules={scheduled.choice === "include" ? scheduled.schedules : []}
          />
        ) : outgoing.status === "error" ? (
          <p className="desk-error" role="alert">
            {outgoing.message}
          </p>
        ) : null}
        <DialogFooter
          error={error}
          confirmLabel="Publish now"
          busyLabel="Publishing…"
          busy={busy}
          confirmDisabled={!ready}
          onConfirm={() => void publish()}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
