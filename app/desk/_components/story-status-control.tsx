"use client";

import { useRef, useState } from "react";

import { changeStoryStatusAction } from "@/app/desk/_actions/change-story-status-action";
import type { StoryStatus } from "@/lib/db/generated/enums";

import { DialogFooter } from "./dialog-footer";
import { keyFor } from "./idempotency-key";
import { useDialogAction } from "./use-dialog-action";
import { WithdrawStoryButton } from "./withdraw-story-button";

/**
 * Unpublish quietly or republish, each asking why in a dialog (the reason joins the status history), or
 * withdraw with a note to readers. Shown to editors and admins only; the server checks again. A double click
 * or a retry reuses its key, so it acts once.
 */
export function StoryStatusControl({ slug, status }: { slug: string; status: StoryStatus }) {
  const [reason, setReason] = useState("");
  const { dialog, pending, error, run } = useDialogAction({
    unreachableMessage: "Could not reach the server. Nothing changed; try again.",
  });
  const key = useRef({ payload: "", key: "" });
  if (status !== "published" && status !== "unpublished" && status !== "withdrawn") return null;
  const action = status === "published" ? "unpublish" : "republish";
  const submit = () =>
    run(() =>
      changeStoryStatusAction({ action, slug, reason, idempotencyKey: keyFor(key, { action, reason }) }),
    );
  const copy =
    action === "unpublish"
      ? {
          open: "Unpublish…",
          title: "Unpublish this story?",
          body: "A quiet takedown, for a story published by mistake: readers get a plain “not found” page until it is republished. To tell readers why a story is gone, withdraw it instead. Every revision stays in the history.",
          confirm: "Unpublish",
          busy: "Unpublishing…",
        }
      : {
          open: "Republish…",
          title: "Republish this story?",
          body: "Readers see the revision that was live when it was pulled. Drafts saved since stay drafts.",
          confirm: "Republish",
          busy: "Republishing…",
        };
  const id = `${action}-reason`;
  return (
    <>
      <button
        type="button"
        className={action === "unpublish" ? "desk-button desk-button-danger" : "desk-button"}
        onClick={() => dialog.current?.showModal()}
      >
        {copy.open}
      </button>
      {status !== "withdrawn" ? <WithdrawStoryButton slug={slug} /> : null}
      <dialog ref={dialog} className="desk-dialog" aria-labelledby={`${action}-title`}>
        <h2 id={`${action}-title`}>{copy.title}</h2>
        <p>{copy.body}</p>
        <div className="desk-field">
          <label htmlFor={id}>Reason (kept in the story&apos;s status history)</label>
          <textarea
            id={id}
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby={error ? `${action}-error` : undefined}
          />
        </div>
        <DialogFooter
          error={error}
          errorId={`${action}-error`}
          confirmLabel={copy.confirm}
          busyLabel={copy.busy}
          busy={pending}
          onConfirm={() => void submit()}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
