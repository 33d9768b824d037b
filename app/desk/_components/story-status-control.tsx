"use client";

import { useState } from "react";
import type { StoryStatus } from "@/lib/db/generated/enums";
import { changeStoryStatusAction } from "../_actions/change-story-status-action";
import { useDialogAction } from "./use-dialog-action";
import { WithdrawStoryButton } from "./withdraw-story-button";

/**
 * Unpublish quietly (asks why, in a dialog), withdraw with a note to readers, or republish. Shown to editors
 * and admins only; the server checks again.
 */
export function StoryStatusControl({ slug, status }: { slug: string; status: StoryStatus }) {
  const [reason, setReason] = useState("");
  const { dialog, pending, error, run: runAction } = useDialogAction({ unreachableMessage: "Could not reach the server. Nothing changed; try again." });
  const run = (input: { action: "unpublish"; reason: string } | { action: "republish" }) => runAction(() => changeStoryStatusAction({ ...input, slug }));

  if (status === "unpublished" || status === "withdrawn") {
    return (
      <>
        <button type="button" className="desk-button" disabled={pending} onClick={() => void run({ action: "republish" })}>
          {pending ? "Republishing…" : "Republish"}
        </button>
        {status === "unpublished" ? <WithdrawStoryButton slug={slug} /> : null}
      </>
    );
  }
  if (status !== "published") return null;
  return (
    <>
      <button type="button" className="desk-button desk-button-danger" onClick={() => dialog.current?.showModal()}>
        Unpublish…
      </button>
      <WithdrawStoryButton slug={slug} />
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="unpublish-title">
        <h2 id="unpublish-title">Unpublish this story?</h2>
        <p>
          A quiet takedown, for a story published by mistake: readers get a plain “not found” page until it is republished. To tell readers why a
          story is gone, withdraw it instead. Every revision stays in the history.
        </p>
        <div className="desk-field">
          <label htmlFor="unpublish-reason">Reason (kept in the story&apos;s status history)</label>
          <textarea id="unpublish-reason" rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} aria-describedby={error ? "unpublish-error" : undefined} />
        </div>
        {error ? (
          <p className="desk-error" id="unpublish-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="desk-button-row desk-dialog-actions">
          <button type="button" className="desk-button desk-button-primary" disabled={pending} onClick={() => void run({ action: "unpublish", reason })}>
            {pending ? "Unpublishing…" : "Unpublish"}
          </button>
          <button type="button" className="desk-button" disabled={pending} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
