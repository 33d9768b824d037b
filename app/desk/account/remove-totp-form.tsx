"use client";

import { startTransition, useActionState, type FormEvent } from "react";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { FormState } from "@/lib/errors/form-state";

import { removeTotpAction } from "./second-factor-actions";

const idle: FormState = { status: "idle" };

/** Removing the authenticator app takes the current password (a lost phone cannot give a code). */
export function RemoveTotpForm() {
  const [state, action, pending] = useActionState(removeTotpAction, idle);
  useFormToast(state);
  function submitKeepingField(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }
  const fieldError = state.status === "error" ? state.fieldErrors.currentPassword : undefined;
  const formError = state.status === "error" && !fieldError ? state.message : null;
  return (
    <details className="account-remove">
      <summary>Remove the authenticator app</summary>
      <form action={action} onSubmit={submitKeepingField}>
        {formError ? (
          <p className="desk-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="desk-field">
          <label htmlFor="remove-totp-password">Your current password</label>
          <input
            id="remove-totp-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "remove-totp-password-error" : undefined}
          />
          {fieldError ? (
            <p className="desk-error" id="remove-totp-password-error">
              {fieldError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="desk-button desk-button-danger" disabled={pending}>
          {pending ? "Removing…" : "Remove authenticator app"}
        </button>
      </form>
    </details>
  );
}
