"use client";

import { useRef, useState } from "react";

import { withdrawStoryAction } from "@/app/desk/_actions/withdraw-story-action";

import { DialogFooter } from "./dialog-footer";
import { keyFor } from "./idempotency-key";
import { useDialogAction } from "./use-dialog-action";

/**
 * Withdraw with an editor's note: the other way to take a story down, for one readers should be told about
 * (the note shows at its address with a 410), where "Unpublish" is for one published by mistake.
 */
export function WithdrawStoryButton({ slug }: { slug: string }) {
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const key = useRef({ payload: "", key: "" });
  const { dialog, pending, error, run } = useDialogAction({
    unreachableMessage: "Could not reach the server. Nothing changed; try again.",
  });

  return (
    <>
      <button
        type="button"
        className="desk-button desk-button-danger"
        onClick={() => dialog.current?.showModal()}
      >
        Withdraw…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="withdraw-title">
        <h2 id="withdraw-title">Withdraw this story?</h2>
        <p>
          The story leaves the front page and the feeds. Its address keeps the headline and shows your note to
          readers, marked “Story withdrawn”. Every revision stays in the history, and republishing ends the
          withdrawal.
        </p>
        <div className="desk-field">
          <label htmlFor="withdraw-note">Editor’s note to readers (public)</label>
          <textarea
            id="withdraw-note"
            rows={4}
            maxLength={2000}
            value={note}
            placeholder="e.g. This story has been withdrawn because it relied on a document whose authenticity could not be confirmed."
            onChange={(event) => setNote(event.target.value)}
            aria-describedby={error ? "withdraw-error" : undefined}
          />
        </div>
        <div className="desk-field">
          <label htmlFor="withdraw-reason">Internal reason (optional, desk only)</label>
          <textarea
            id="withdraw-reason"
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <DialogFooter
          error={error}
          errorId="withdraw-error"
          confirmLabel="Withdraw story"
          busyLabel="Withdrawing…"
          busy={pending}
          onConfirm={() =>
            void run(() =>
              withdrawStoryAction({ slug, note, reason, idempotencyKey: keyFor(key, { note, reason }) }),
            )
          }
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
