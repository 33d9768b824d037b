"use client";

import { useState } from "react";

import {
  approveLegalRemovalAction,
  declineLegalRemovalAction,
  withdrawLegalRemovalAction,
} from "@/app/desk/_actions/legal-removal-actions";
import { DialogFooter } from "@/app/desk/_components/dialog-footer";
import { useDialogAction } from "@/app/desk/_components/use-dialog-action";

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
  const { dialog, pending, error, run } = useDialogAction({ unreachableMessage });
  const [reason, setReason] = useState("");
  return (
    <>
      <button type="button" className="desk-button" onClick={() => dialog.current?.showModal()}>
        Decline…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="decline-removal-title">
        <h2 id="decline-removal-title">Decline removal {number}?</h2>
        <p>Nothing is removed. The admin who asked sees your reason.</p>
        <div className="desk-field">
          <label htmlFor="decline-removal-reason">Reason (required)</label>
          <textarea
            id="decline-removal-reason"
            rows={3}
            maxLength={5000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <DialogFooter
          error={error}
          errorId="decline-removal-error"
          confirmLabel="Decline request"
          busyLabel="Declining…"
          busy={pending}
          onConfirm={() => void run(() => declineLegalRemovalAction({ number, act: { reason } }))}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}

function WithdrawButton({ number }: { number: number }) {
  const { dialog, pending, error, run } = useDialogAction({ unreachableMessage });
  const [reason, setReason] = useState("");
  return (
    <>
      <button type="button" className="desk-button" onClick={() => dialog.current?.showModal()}>
        Withdraw request…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="withdraw-removal-title">
        <h2 id="withdraw-removal-title">Withdraw removal {number}?</h2>
        <p>Nothing is removed. The request stays in the list as withdrawn.</p>
        <div className="desk-field">
          <label htmlFor="withdraw-removal-reason">Reason (optional)</label>
          <textarea
            id="withdraw-removal-reason"
            rows={3}
            maxLength={5000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <DialogFooter
          error={error}
          errorId="withdraw-removal-error"
          confirmLabel="Withdraw request"
          busyLabel="Withdrawing…"
          busy={pending}
          onConfirm={() =>
            void run(() => withdrawLegalRemovalAction({ number, act: reason.trim() ? { reason } : {} }))
          }
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
