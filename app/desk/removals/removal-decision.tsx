"use client";

import { useState } from "react";

import {
  approveLegalRemovalAction,
  declineLegalRemovalAction,
  withdrawLegalRemovalAction,
} from "@/app/desk/_actions/legal-removal-actions";
import { DialogFooter } from "@/app/desk/_components/dialog-footer";
import { useDialogAction } from "@/app/desk/_components/use-dialog-action";
import type { FormState } from "@/lib/errors/form-state";

const unreachableMessage = "Could not reach the server. Nothing changed; try again.";

/**
 * What an admin may do with a pending request: another admin approves or declines it (with a reason); the one
 * who asked may withdraw it. The services refuse anything else too, so these are only the honest buttons.
 */
export function RemovalDecision(props: { number: number; mine: boolean }) {
  return (
    <section className="desk-panel" aria-labelledby="removal-decide">
      <h2 id="removal-decide">{props.mine ? "Your request" : "Decide"}</h2>
      {props.mine ? (
        <>
          <p>You cannot approve your own request. You may withdraw it while it waits.</p>
          <WithdrawButton number={props.number} />
        </>
      ) : (
        <div className="desk-button-row">
          <ApproveButton number={props.number} />
          <DeclineButton number={props.number} />
        </div>
      )}
    </section>
  );
}

function ApproveButton({ number }: { number: number }) {
  const { dialog, pending, error, run } = useDialogAction({ unreachableMessage });
  const [understood, setUnderstood] = useState(false);
  return (
    <>
      <button
        type="button"
        className="desk-button desk-button-primary"
        onClick={() => dialog.current?.showModal()}
      >
        Approve and remove…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="approve-removal-title">
        <h2 id="approve-removal-title">Approve removal {number}?</h2>
        <p>
          Everything the request names is replaced by a removal marker in every revision of the story and
          everywhere else it is kept: notes, comments, schedules, photo files. Readers see the public notice.
          The record keeps who asked, who approved and why, and a salted fingerprint of each text, never the
          text.
        </p>
        <label className="desk-check">
          <input
            type="checkbox"
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
          I understand this cannot be undone.
        </label>
        <DialogFooter
          error={error}
          errorId="approve-removal-error"
          confirmLabel="Approve and remove"
          busyLabel="Removing…"
          busy={pending}
          confirmDisabled={!understood}
          onConfirm={() => void run(() => approveLegalRemovalAction({ number }))}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}

function DeclineButton({ number }: { number: number }) {
  return (
    <ReasonButton
      id="decline-removal"
      buttonLabel="Decline…"
      title={`Decline removal ${number}?`}
      explanation="Nothing is removed. The admin who asked sees your reason."
      reasonLabel="Reason (required)"
      confirmLabel="Decline request"
      busyLabel="Declining…"
      act={(reason) => declineLegalRemovalAction({ number, act: { reason } })}
    />
  );
}

function WithdrawButton({ number }: { number: number }) {
  return (
    <ReasonButton
      id="withdraw-removal"
      buttonLabel="Withdraw request…"
      title={`Withdraw removal ${number}?`}
      explanation="Nothing is removed. The request stays in the list as withdrawn."
      reasonLabel="Reason (optional)"
      confirmLabel="Withdraw request"
      busyLabel="Withdrawing…"
      act={(reason) => withdrawLegalRemovalAction({ number, act: reason.trim() ? { reason } : {} })}
    />
  );
}

/** A button whose dialog asks for a reason before it acts: declining and withdrawing a request. */
function ReasonButton(props: {
  id: string;
  buttonLabel: string;
  title: string;
  explanation: string;
  reasonLabel: string;
  confirmLabel: string;
  busyLabel: string;
  act: (reason: string) => Promise<FormState<unknown>>;
}) {
  const { dialog, pending, error, run } = useDialogAction({ unreachableMessage });
  const [reason, setReason] = useState("");
  return (
    <>
      <button type="button" className="desk-button" onClick={() => dialog.current?.showModal()}>
        {props.buttonLabel}
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby={`${props.id}-title`}>
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <p>{props.explanation}</p>
        <div className="desk-field">
          <label htmlFor={`${props.id}-reason`}>{props.reasonLabel}</label>
          <textarea
            id={`${props.id}-reason`}
            rows={3}
            maxLength={5000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <DialogFooter
          error={error}
          errorId={`${props.id}-error`}
          confirmLabel={props.confirmLabel}
          busyLabel={props.busyLabel}
          busy={pending}
          onConfirm={() => void run(() => props.act(reason))}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
