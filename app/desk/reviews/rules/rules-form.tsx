"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";

import type { FormState } from "@/lib/errors/form-state";

import { setReviewRulesAction } from "./actions";

/** Two rules, one form; the server's sentence shows beside the button and as a toast. */
export function ReviewRulesForm(props: {
  contributorsNeedApproval: boolean;
  correctionsNeedSecondEditor: boolean;
}) {
  const [state, action, pending] = useActionState<FormState<undefined>, FormData>(setReviewRulesAction, {
    status: "idle",
  });
  useEffect(() => {
    if (state.status === "success") toast.success(state.message);
    if (state.status === "error") toast.error(state.message);
  }, [state]);
  return (
    <form className="desk-panel desk-review-rules" action={action}>
      <label className="desk-check">
        <input
          type="checkbox"
          name="contributorsNeedApproval"
          defaultChecked={props.contributorsNeedApproval}
          aria-describedby="rule-contributors-hint"
        />
        Contributors’ work needs an editor’s approval before it is published
      </label>
      <p className="desk-hint" id="rule-contributors-hint">
        A publish that makes live a revision saved by a contributor is refused until an editor approves
        exactly that text.
      </p>
      <label className="desk-check">
        <input
          type="checkbox"
          name="correctionsNeedSecondEditor"
          defaultChecked={props.correctionsNeedSecondEditor}
          aria-describedby="rule-second-hint"
        />
        Corrections, clarifications and editor’s notes need a second editor
      </label>
      <p className="desk-hint" id="rule-second-hint">
        They are approved by an editor who neither wrote, submitted nor publishes them. Scheduled publishes
        that lack the approval are held at their time.
      </p>
      {state.status === "error" ? (
        <p className="desk-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="desk-button-row">
        <button type="submit" className="desk-button desk-button-primary" disabled={pending}>
          {pending ? "Saving…" : "Save rules"}
        </button>
        {state.status === "success" ? <span role="status">{state.message}</span> : null}
      </div>
    </form>
  );
}
