"use client";

import { useRef, useState } from "react";

import { submitReviewAction } from "@/app/desk/_actions/review-actions";
import { DialogFooter } from "@/app/desk/_components/dialog-footer";
import { keyFor } from "@/app/desk/_components/idempotency-key";
import { useDialogAction } from "@/app/desk/_components/use-dialog-action";

type Person = { id: string; name: string };

/**
 * "Ask for review" on the edit screen: a small dialog with optional reviewers and an optional note. It asks
 * about the newest saved revision, so unsaved changes are named first.
 */
export function AskReviewButton(props: {
  slug: string;
  revision: number;
  reviewers: Person[];
  /** A waiting request this one will withdraw. */
  replaces: number | null;
}) {
  const { slug, revision, reviewers, replaces } = props;
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const key = useRef({ payload: "", key: "" });
  const { dialog, pending, error, run } = useDialogAction({
    unreachableMessage: "Could not reach the server. Nothing was sent; try again.",
  });
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((item) => item !== id)));

  return (
    <>
      <button type="button" className="desk-button" onClick={() => dialog.current?.showModal()}>
        Ask for review…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="ask-review-title">
        <h2 id="ask-review-title">Ask for review of revision {revision}</h2>
        <p>
          The reviewer reads revision {revision} against what readers have, and approves it or asks for
          changes. Save your changes first: only saved revisions are reviewed.
          {replaces !== null ? ` The request for revision ${replaces}, still waiting, is withdrawn.` : ""}
        </p>
        <fieldset className="desk-field desk-review-people">
          <legend>Reviewers (optional)</legend>
          <p className="desk-hint" id="ask-review-hint">
            Each one named is told in their inbox. Name nobody and it waits in every editor’s queue.
          </p>
          {reviewers.length === 0 ? <p className="desk-muted">No other editors yet.</p> : null}
          {reviewers.map((person) => (
            <label key={person.id} className="desk-check">
              <input
                type="checkbox"
                checked={chosen.includes(person.id)}
                onChange={(event) => toggle(person.id, event.target.checked)}
              />{" "}
              {person.name}
            </label>
          ))}
        </fieldset>
        <div className="desk-field">
          <label htmlFor="ask-review-note">Note for the reviewer (optional)</label>
          <textarea
            id="ask-review-note"
            rows={3}
            maxLength={2000}
            value={note}
            placeholder="e.g. The vote count is from the clerk’s minutes."
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <DialogFooter
          error={error}
          errorId="ask-review-error"
          confirmLabel="Ask for review"
          busyLabel="Sending…"
          busy={pending}
          onConfirm={() => {
            const review = { revision, reviewers: chosen, ...(note.trim() ? { note } : {}) };
            void run(() =>
              submitReviewAction({ slug, review, idempotencyKey: keyFor(key, { slug, review }) }),
            );
          }}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
