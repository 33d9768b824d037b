"use client";

import { useMemo, useState } from "react";

import type { SubstantiveChange } from "@/lib/editorial/minor-change-check";
import { planPublication, type NoteRemoval, type PendingChange } from "@/lib/revisions/publication-plan";
import {
  missingPublicSummary,
  missingRevisionWords,
  picturesMissingAlt,
} from "@/lib/revisions/publication-requirements";
import type { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";

import type { ChangeDraft, ContentDraft } from "./editor-draft";
import { missingFields, MissingItems } from "./missing-items";
import { OutgoingChanges } from "./outgoing-changes";
import { draftRevisionContent } from "./outgoing-content";
import { PendingScheduleChoice } from "./pending-schedule-choice";
import { publicationReady, PublicationSummary } from "./publication-summary";
import { useModal } from "./use-modal";
import { useOutgoing } from "./use-outgoing";
import { useScheduleChoice } from "./use-schedule-choice";

type Props = {
  open: boolean;
  /** null for a story not created yet: it has nothing live to compare with. */
  slug: string | null;
  content: ContentDraft;
  change: ChangeDraft;
  pending: PendingChange[];
  firstPublication: boolean;
  nextNumber: number;
  minorWarnings: SubstantiveChange[];
  busy: boolean;
  /** With the notes to remove, what to do with the schedules waiting on the story (undefined: none waits). */
  onConfirm: (removals: NoteRemoval[], pendingSchedules: PendingSchedulesInput | undefined) => void;
  onCancel: () => void;
  /** The form's field ids start with this ("change-summary"). */
  idPrefix?: string;
  /** The body field of the form, when the screen has one to go back to (a photo there lacks alt text). */
  bodyFieldId?: string;
  /** How the text going out stands with review ("Not reviewed", "Approved by … for revision N"). */
  review?: string;
};

/**
 * The deliberate step before the edit screen publishes: what readers will get (every change against what they
 * have, whoever wrote it), what is still missing, then "Publish now", offered only when the server would
 * accept it.
 */
function PublishConfirmContent(props: Props) {
  const {
    open,
    slug,
    content,
    change,
    pending,
    firstPublication,
    nextNumber,
    minorWarnings,
    busy,
    onConfirm,
    onCancel,
  } = props;
  const [removals, setRemovals] = useState<NoteRemoval[]>([]);
  const [minorConfirmed, setMinorConfirmed] = useState(false);
  const outgoing = useOutgoing({ slug, open });

  const plan = planPublication({
    ownKind: change.kind,
    ownNote: change.note.trim() || null,
    ownNumber: nextNumber,
    pending,
    removals,
    firstPublication,
  });
  const ours = useMemo(() => draftRevisionContent(content), [content]);
  // What goes out depends on the choice about a waiting schedule: the diff below shows exactly that.
  const scheduled = useScheduleChoice({ outgoing, ours });
  // A story not created yet is written by createStory, which asks no summary; every other publish saves a
  // revision first.
  const missing = missingFields({
    items: [
      ...(slug === null
        ? []
        : missingRevisionWords({ kind: change.kind, summary: change.summary, note: change.note })),
      ...(slug === null ? [] : [missingPublicSummary({ publishedKind: plan.kind, summary: change.summary })]),
      ...picturesMissingAlt(content),
    ].flatMap((item) => (item ? [item] : [])),
    imageKeys: content.images.map((image) => image.key),
    idPrefix: props.idPrefix,
    bodyFieldId: props.bodyFieldId,
  });
  // Back to the form, at the field: the dialog closes first so the field is not under its backdrop.
  const goTo = (fieldId: string) => {
    onCancel();
    window.requestAnimationFrame(() => {
      const field = document.getElementById(fieldId);
      field?.scrollIntoView({ block: "center" });
      field?.focus();
    });
  };
  const ready =
    missing.length === 0 &&
    publicationReady({ removals, minorWarnings, minorConfirmed }) &&
    scheduled.goesOut !== null;

  return (
    <>
      <h2 id="publish-confirm-title">{firstPublication ? "Publish this story?" : "Publish this change?"}</h2>
      <p>Readers see it as soon as you confirm.</p>
      {props.review ? (
        <p className="desk-review-line">
          <strong>Review:</strong> {props.review}.
        </p>
      ) : null}
      <PendingScheduleChoice
        idPrefix="publish-confirm"
        schedules={scheduled.schedules}
        choice={scheduled.choice}
        onChange={scheduled.setChoice}
        leaveRefusal={scheduled.leaveRefusal}
      />
      <MissingItems items={missing} onGoTo={goTo} />
      <PublicationSummary
        idPrefix="publish-confirm"
        plan={plan}
        summary={change.summary}
        pending={pending}
        removals={removals}
        onRemovalsChange={setRemovals}
        minorWarnings={minorWarnings}
        minorConfirmed={minorConfirmed}
        onMinorConfirmed={setMinorConfirmed}
      />
      {/* Built only while open: a closed dialog keeps no stale comparison (nor its "Body" section) in the page. */}
      {slug === null || !open ? null : outgoing.status === "ready" ? (
        scheduled.goesOut ? (
          <OutgoingChanges
            outgoing={outgoing.outgoing}
            goesOut={scheduled.goesOut}
            throughRevision={null}
            fromForm
            printsNote={plan.publicNote !== null || plan.carriedNotes.length > 0}
            includedSchedules={scheduled.choice === "include" ? scheduled.schedules : []}
          />
        ) : null
      ) : outgoing.status === "error" ? (
        <p className="desk-error" role="alert">
          {outgoing.message}
        </p>
      ) : (
        <p className="desk-muted" role="status">
          Comparing with what readers have…
        </p>
      )}
      <div className="desk-button-row desk-dialog-actions">
        <button
          type="button"
          className="desk-button desk-button-primary"
          disabled={busy || !ready || (slug !== null && outgoing.status !== "ready")}
          onClick={() => onConfirm(removals, scheduled.field)}
        >
          {busy ? "Publishing…" : "Publish now"}
        </button>
        <button type="button" className="desk-button" disabled={busy} onClick={onCancel}>
          Back to editing
        </button>
      </div>
    </>
  );
}

/**
 * The dialog's contents are built only while it is open: a closed dialog must cost the edit screen nothing
 * (its checks read the whole body). Reopening starts its choices afresh.
 */
export function PublishConfirmDialog(props: Props) {
  const dialog = useModal(props.open);
  return (
    <dialog
      ref={dialog}
      className="desk-dialog desk-dialog-wide desk-dialog-confirm"
      aria-labelledby="publish-confirm-title"
      onClose={props.onCancel}
    >
      {props.open ? <PublishConfirmContent {...props} /> : null}
    </dialog>
  );
}
