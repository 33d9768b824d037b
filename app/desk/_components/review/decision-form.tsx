"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";

import { decideReviewAction } from "@/app/desk/_actions/review-actions";
import { keyFor } from "@/app/desk/_components/idempotency-key";

/**
 * Approve or Request changes, with a note (required to send it back). One key per decision, so a double-click
 * decides once; while the first is on its way the buttons wait.
 */
export function DecisionForm(props: { slug: string; requestId: string; revision: number }) {
  const { slug, requestId, revision } = props;
  const router = useRouter();
  const [note, setNote] = useState("");
  const [pending, setPending] = useState<"approve" | "request_changes" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useRef({ payload: "", key: "" });

  const decide = async (decision: "approve" | "request_changes") => {
    const act = { decision, ...(note.trim() ? { note } : {}) };
    setPending(decision);
    setError(null);
    try {
      const state = await decideReviewAction({
        slug,
        requestId,
        act,
        idempotencyKey: keyFor(key, { slug, requestId, act }),
      });
      if (state.status === "success") {
        toast.success(state.message);
        router.refresh();
      } else if (state.status === "error") {
        setError(state.message);
        toast.error(state.message);
      }
    } catch {
      const message = "Could not reach the server. Nothing was decided; try again.";
      setError(message);
      toast.error(message);
    } finally {
      setPending(null);
    }
  };

  return (
    <form className="desk-review-decision" onSubmit={(event) => event.preventDefault()}>
      <div className="desk-field">
        <label htmlFor="review-decision-note">Note to the writer (required to request changes)</label>
        <textarea
          id="review-decision-note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={error ? "review-decision-error" : undefined}
        />
      </div>
      {error ? (
        <p className="desk-error" id="review-decision-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="desk-button-row">
        <button
          type="button"
          className="desk-button desk-button-primary"
          disabled={pending !== null}
          onClick={() => void decide("approve")}
        >
          {pending === "approve" ? "Approving…" : `Approve revision ${revision}`}
        </button>
        <button
          type="button"
          className="desk-button"
          disabled={pending !== null}
          onClick={() => void decide("request_changes")}
        >
          {pending === "request_changes" ? "Sending…" : "Request changes"}
        </button>
      </div>
    </form>
  );
}
