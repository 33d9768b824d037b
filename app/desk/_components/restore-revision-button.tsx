"use client";

import { useState } from "react";
import { restoreRevisionAction } from "../_actions/restore-revision-action";
import { useDialogAction } from "./use-dialog-action";

/** Restore with a confirmation dialog: it makes a new revision with the old content; nothing is deleted. */
export function RestoreRevisionButton({ slug, number, latest, storyIsLive }: { slug: string; number: number; latest: number; storyIsLive: boolean }) {
  const { dialog, pending, error, run } = useDialogAction({ unreachableMessage: "Could not reach the server. Nothing was restored; try again." });
  const [summary, setSummary] = useState("");
  const [publish, setPublish] = useState(storyIsLive);
  const id = `restore-${number}`;

  const confirm = () => run(() => restoreRevisionAction({ slug, number, summary: summary.trim() || undefined, publish }));

  return (
    <>
      <button type="button" className="desk-button desk-button-small" onClick={() => dialog.current?.showModal()}>
        Restore…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Restore revision {number}?</h2>
        <p>
          This saves a new revision {latest + 1} with the content of revision {number}. Every revision in between stays in the history.
        </p>
        <div className="desk-field">
          <label htmlFor={`${id}-summary`}>Summary (optional)</label>
          <input id={`${id}-summary`} type="text" maxLength={500} placeholder={`Restored revision ${number}`} value={summary} onChange={(event) => setSummary(event.target.value)} />
        </div>
        <label className="desk-check">
          <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} />
          Publish it now (readers see it at once)
        </label>
        {error ? (
          <p className="desk-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="desk-button-row desk-dialog-actions">
          <button type="button" className="desk-button desk-button-primary" disabled={pending} onClick={() => void confirm()}>
            {pending ? "Restoring…" : `Restore revision ${number}`}
          </button>
          <button type="button" className="desk-button" disabled={pending} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
