"use client";

import { useActionState } from "react";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { FormState } from "@/lib/errors/form-state";

import { emailNotificationsAction } from "./actions";

const idle: FormState = { status: "idle" };

export function EmailNotificationsForm({
  emailNotifications,
  mailConfigured,
}: {
  emailNotifications: boolean;
  mailConfigured: boolean;
}) {
  const [state, action, pending] = useActionState(emailNotificationsAction, idle);
  useFormToast(state);
  return (
    <form action={action} className="desk-panel account-email" aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      {state.status === "error" ? (
        <p className="desk-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <label className="desk-check">
        {/* Keyed by the saved value, so the box shows what was saved once the page refreshes. */}
        <input
          key={String(emailNotifications)}
          type="checkbox"
          name="emailNotifications"
          defaultChecked={emailNotifications}
          aria-describedby="email-hint"
        />
        Email me about my inbox
      </label>
      <p className="desk-hint" id="email-hint">
        Review requests, comments on your work, replies, mentions and decisions, each with a link straight to
        it.
        {mailConfigured ? null : " This newsroom sends no email yet; your choice applies once it does."}
      </p>
      <button type="submit" className="desk-button" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
