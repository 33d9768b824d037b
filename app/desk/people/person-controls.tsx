"use client";

import { useActionState, type MouseEvent } from "react";
import { useFormToast } from "@/app/_auth/use-form-toast";
import type { UserDto } from "@/lib/auth/users";
import type { FormState } from "@/lib/errors/form-state";
import { changeRoleAction, setActiveAction } from "./actions";

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
      <button type="submit" className="desk-button desk-button-small" disabled={pending} aria-label={`Save role for ${user.name}`}>
        {pending ? "Saving…" : "Save role"}
      </button>
    </form>
  );
}

export function ActiveForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(setActiveAction, idle);
  useFormToast(state);
  function confirmDeactivation(event: MouseEvent<HTMLButtonElement>) {
    if (user.active && !window.confirm(`Deactivate ${user.name}? They are signed out at once and their API tokens stop working.`)) {
      event.preventDefault();
    }
  }
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <button
        type="submit"
        className={user.active ? "desk-button desk-button-small desk-button-danger" : "desk-button desk-button-small"}
        disabled={pending}
        onClick={confirmDeactivation}
        aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
      >
        {pending ? "Saving…" : user.active ? "Deactivate" : "Reactivate"}
      </button>
    </form>
  );
}
