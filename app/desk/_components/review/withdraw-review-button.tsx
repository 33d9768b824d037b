"use client";

import { useRef } from "react";

import { withdrawReviewAction } from "@/app/desk/_actions/review-actions";
import { DialogFooter } from "@/app/desk/_components/dialog-footer";
import { keyFor } from "@/app/desk/_components/idempotency-key";
import { useDialogAction } from "@/app/desk/_components/use-dialog-action";

/** Withdraws a waiting request (its submitter, or an editor), after a confirmation. */
export function WithdrawReviewButton(props: { slug: string; requestId: string; revision: number }) {
  const { slug, requestId, revision } = props;
  const key = useRef({ payload: "", key: "" });
  const { dialog, pending, error, run } = useDialogAction({
    unreachableMessage: "Could not reach the server. Nothing changed; try again.",
  });
  return (
    <>
      <button
        type="button"
        className="desk-button desk-button-small"
        onClick={() => dialog.current?.showModal()}
      >
        Withdraw request…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="withdraw-review-title">
        <h2 id="withdraw-review-title">Withdraw the request for revision {revision}?</h2>
        <p>It leaves the reviewers’ queues. The review history keeps it.</p>
        <DialogFooter
          error={error}
          errorId="withdraw-review-error"
          confirmLabel="Withdraw request"
          busyLabel="Withdrawing…"
          busy={pending}
          onConfirm={() =>
            void run(() =>
              withdrawReviewAction({ slug, requestId, idempotencyKey: keyFor(key, { slug, requestId }) }),
            )
          }
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
