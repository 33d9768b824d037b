"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type MouseEvent } from "react";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { UserDto } from "@/lib/auth/users";
import type { FormState } from "@/lib/errors/form-state";

import { changeRoleAction, endUserSessionsAction, setActiveAction, setPasswordAction } from "./actions";
import { resetFactorsAction } from "./security-actions";

const idle: FormState<UserDto> = { status: "idle" };

export function RoleForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(changeRoleAction, idle);
  useFormToast(state);
  return (
    <form action={action} className="people-role-form">
      <input type="hidden" name="userId" value={user.id} />
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        Role for {user.name}
      </label>
      <select id={`role-${user.id}`} name="role" defaultValue={user.role} key={user.role}>
        <option value="contributor">Contributor</option>
        <option value="editor">Editor</option>
        <option value="admin">Admin</option>
      </select>
      <button
        type="submit"
        className="desk-button desk-button-small"
        disabled={pending}
        aria-label={`Save role for ${user.name}`}
      >
        {pending ? "Saving…" : "Save role"}
      </button>
    </form>
  );
}

export function ActiveForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(setActiveAction, idle);
  useFormToast(state);
  function confirmDeactivation(event: MouseEvent<HTMLButtonElement>) {
    if (
      user.active &&
      !window.confirm(
        `Deactivate ${user.name}? They are signed out at once and their API tokens are revoked for good.`,
      )
    ) {
      event.preventDefault();
    }
  }
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <button
        type="submit"
        className={
          user.active ? "desk-button desk-button-small desk-button-danger" : "desk-button desk-button-small"
        }
        disabled={pending}
        onClick={confirmDeactivation}
        aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
      >
        {pending ? "Saving…" : user.active ? "Deactivate" : "Reactivate"}
      </button>
    </form>
  );
}

const idleCount: FormState<number> = { status: "idle" };

export function SignOutEverywhereForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(endUserSessionsAction, idleCount);
  useFormToast(state);
  function confirmSignOut(event: MouseEvent<HTMLButtonElement>) {
    if (!window.confirm(`Sign ${user.name} out of every browser? Their API tokens keep working.`))
      event.preventDefault();
  }
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={user.id} />
      <button
        type="submit"
        className="desk-button desk-button-small"
        disabled={pending}
        onClick={confirmSignOut}
        aria-label={`Sign ${user.name} out everywhere`}
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </form>
  );
}

/**
 * Tucked behind a disclosure: setting someone's password is rare and should not sit one click from a slip.
 */
export function PasswordForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(setPasswordAction, idle);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFormToast(state);
  useEffect(() => {
    if (state.status !== "success") return;
    formRef.current?.reset();
    if (detailsRef.current) detailsRef.current.open = false;
  }, [state]);
  function submitKeepingFields(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }
  const error = state.status === "error" ? (state.fieldErrors.password ?? state.message) : null;
  const inputId = `password-${user.id}`;
  return (
    <details className="people-password" ref={detailsRef}>
      <summary>Set password</summary>
      <form ref={formRef} action={action} onSubmit={submitKeepingFields}>
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={inputId}>New password for {user.name}</label>
        <input
          id={inputId}
          name="password"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        {error ? (
          <p className="desk-error" id={`${inputId}-error`}>
            {error}
          </p>
        ) : null}
        <button type="submit" className="desk-button desk-button-small" disabled={pending}>
          {pending ? "Saving…" : "Save password"}
        </button>
      </form>
    </details>
  );
}

const idleReset: FormState = { status: "idle" };

/** Removes the person's authenticator app, passkeys and recovery codes, and signs them out everywhere. */
export function ResetFactorsForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(resetFactorsAction, idleReset);
  useFormToast(state);
  function confirmReset(event: MouseEvent<HTMLButtonElement>) {
    if (
      !window.confirm(
        `Reset ${user.name}'s second factors? Their authenticator app, passkeys and recovery codes are removed and they are signed out everywhere.`,
      )
    )
      event.preventDefault();
  }
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={user.id} />
      <button
        type="submit"
        className="desk-button desk-button-small"
        disabled={pending}
        onClick={confirmReset}
        aria-label={`Reset second factors of ${user.name}`}
      >
        {pending ? "Resetting…" : "Reset second factors"}
      </button>
    </form>
  );
}
