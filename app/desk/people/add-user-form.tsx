"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { UserDto } from "@/lib/auth/users";
import type { FormState } from "@/lib/errors/form-state";

import { addUserAction } from "./actions";

const idle: FormState<UserDto> = { status: "idle" };

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="desk-error" id={id}>
      {message}
    </p>
  ) : null;
}

export function AddUserForm() {
  const [state, action, pending] = useActionState(addUserAction, idle);
  const formRef = useRef<HTMLFormElement>(null);
  useFormToast(state);

  // React resets a form after its action runs; submitting by hand keeps what was typed when the save fails.
  function submitKeepingFields(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const describe = (name: string, hint?: string) =>
    [errors[name] ? `add-user-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={submitKeepingFields}
      className="desk-panel"
      aria-labelledby="add-user-heading"
    >
      <h2 id="add-user-heading">Add a person</h2>
      <div className="desk-row">
        <div className="desk-field">
          <label htmlFor="add-user-name">Name</label>
          <input
            id="add-user-name"
            name="name"
            type="text"
            required
            maxLength={120}
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describe("name", "add-user-name-hint")}
          />
          <p className="desk-hint" id="add-user-name-hint">
            As it should appear in credits.
          </p>
          <FieldError id="add-user-name-error" message={errors.name} />
        </div>
        <div className="desk-field">
          <label htmlFor="add-user-email">Email</label>
          <input
            id="add-user-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describe("email")}
          />
          <FieldError id="add-user-email-error" message={errors.email} />
        </div>
        <div className="desk-field">
          <label htmlFor="add-user-role">Role</label>
          <select
            id="add-user-role"
            name="role"
            defaultValue="contributor"
            aria-describedby={describe("role", "add-user-role-hint")}
          >
            <option value="contributor">Contributor</option>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
          <p className="desk-hint" id="add-user-role-hint">
            Contributors draft and submit; editors also publish and correct; admins also manage people.
          </p>
          <FieldError id="add-user-role-error" message={errors.role} />
        </div>
        <div className="desk-field">
          <label htmlFor="add-user-password">Initial password</label>
          <input
            id="add-user-password"
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describe("password", "add-user-password-hint")}
          />
          <p className="desk-hint" id="add-user-password-hint">
            At least 12 characters and hard to guess (a few unrelated words work well). Share it with them
            privately.
          </p>
          <FieldError id="add-user-password-error" message={errors.password} />
        </div>
      </div>
      {state.status === "error" && Object.keys(errors).length === 0 ? (
        <p className="desk-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="desk-button desk-button-primary" disabled={pending}>
        {pending ? "Adding…" : "Add person"}
      </button>
    </form>
  );
}
