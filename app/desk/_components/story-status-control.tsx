"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
import type { StoryStatus } from "@/lib/db/generated/enums";
import { changeStoryStatusAction } from "../_actions/change-story-status-action";

/** Unpublish (asks why, in a dialog) or republish. Shown to editors and admins only; the server checks again. */
export function StoryStatusControl({ slug, status }: { slug: string; status: StoryStatus }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const run = async (input: { action: "unpublish"; reason: string } | { action: "republish" }) => {
    setPending(true);
    setError(null);
    try {
      const state = await changeStoryStatusAction({ ...input, slug });
      if (state.status === "success") {
        toast.success(state.message);
        dialog.current?.close();
        router.refresh();
      } else if (state.status === "error") {
        setError(state.message);
        toast.error(state.message);
      }
    } catch {
      toast.error("Could not reach the server. Nothing changed; try again.");
    } finally {
      setPending(false);
    }
  };

  if (status === "unpublished") {
    return (
      <button type="button" className="desk-button" disabled={pending} onClick={() => void run({ action: "republish" })}>
        {pending ? "Republishing…" : "Republish"}
      </button>
    );
  }
  if (status !== "published") return null;
  return (
    <>
      <button type="button" className="desk-button desk-button-danger" onClick={() => dialog.current?.showModal()}>
        Unpublish…
      </button>
      <dialog ref={dialog} className="desk-dialog" aria-labelledby="unpublish-title">
        <h2 id="unpublish-title">Unpublish this story?</h2>
        <p>Readers will get a “not found” page until it is republished. Every revision stays in the history.</p>
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
