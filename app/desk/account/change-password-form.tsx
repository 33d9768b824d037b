"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { FormState } from "@/lib/errors/form-state";

import { changePasswordAction } from "./actions";

const idle: FormState = { status: "idle" };

const fields = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password", hint: undefined },
  {
    name: "newPassword",
    label: "New password",
    autoComplete: "new-password",
    hint: "At least 12 characters. A few unrelated words make a good one; easily guessed ones (keyboard rows, repeats, dates, your name) are refused.",
  },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password", hint: undefined },
] as const;

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, idle);
  const formRef = useRef<HTMLFormElement>(null);
  useFormToast(state);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);
  // React resets a form after its action runs; submitting by hand keeps what was typed when the change fails.
  function submitKeepingFields(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const formError = state.status === "error" && Object.keys(errors).length === 0 ? state.message : null;

  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={submitKeepingFields}
      className="desk-panel account-password"
      aria-labelledby="change-password-heading"
    >
      <h2 id="change-password-heading">Change your password</h2>
      {formError ? (
        <p className="desk-error" role="alert">
          {formError}
        </p>
      ) : null}
      {fields.map((field) => {
        const id = `account-${field.name}`;
        const error = errors[field.name];
        const describedBy =
          [error ? `${id}-error` : null, field.hint ? `${id}-hint` : null].filter(Boolean).join(" ") ||
          undefined;
        return (
          <div className="desk-field" key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            <input
              id={id}
              name={field.name}
              type="password"
              required
              maxLength={256}
              autoComplete={field.autoComplete}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
            {field.hint ? (
              <p className="desk-hint" id={`${id}-hint`}>
                {field.hint}
              </p>
            ) : null}
            {error ? (
              <p className="desk-error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <p className="desk-hint">
        Your other sessions are signed out when the password changes; this one stays signed in.
      </p>
      <button type="submit" className="desk-button desk-button-primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
