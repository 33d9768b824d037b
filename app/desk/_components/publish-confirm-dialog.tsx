"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import type { SubstantiveChange } from "@/lib/editorial/minor-change-check";
import { type NoteRemoval, type PendingChange, planPublication } from "@/lib/revisions/publication-plan";
import type { ChangeDraft } from "./editor-draft";
import { PublicationSummary, publicationReady } from "./publication-summary";

type Props = {
  open: boolean;
  change: ChangeDraft;
  pending: PendingChange[];
  firstPublication: boolean;
  nextNumber: number;
  minorWarnings: SubstantiveChange[];
  busy: boolean;
  onConfirm: (removals: NoteRemoval[]) => void;
  onCancel: () => void;
  /** The choice about schedules waiting on the story (pending-schedule-choice.tsx), when there are any. */
  scheduleChoice?: ReactNode;
};

/** The deliberate step before the edit screen publishes: what readers will get, then "Publish now". */
export function PublishConfirmDialog({ open, change, pending, firstPublication, nextNumber, minorWarnings, busy, onConfirm, onCancel, scheduleChoice }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [removals, setRemovals] = useState<NoteRemoval[]>([]);
  const [minorConfirmed, setMinorConfirmed] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const plan = planPublication({
    ownKind: change.kind,
    ownNote: change.note.trim() || null,
    ownNumber: nextNumber,
    pending,
    removals,
    firstPublication,
  });
  const ready = publicationReady({ removals, minorWarnings, minorConfirmed });

  return (
    <dialog ref={dialog} className="desk-dialog desk-dialog-wide" aria-labelledby="publish-confirm-title" onClose={onCancel}>
      <h2 id="publish-confirm-title">{firstPublication ? "Publish this story?" : "Publish this change?"}</h2>
      <p>Readers see it as soon as you confirm.</p>
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
      {scheduleChoice}
      <div className="desk-button-row desk-dialog-actions">
        <button type="button" className="desk-button desk-button-primary" disabled={busy || !ready} onClick={() => onConfirm(removals)}>
          {busy ? "Publishing…" : "Publish now"}
        </button>
        <button type="button" className="desk-button" disabled={busy} onClick={onCancel}>
          Back to editing
        </button>
      </div>
    </dialog>
  );
}
