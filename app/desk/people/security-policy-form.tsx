"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";

import type { Role } from "@/lib/db/generated/enums";

import { securityPolicyAction } from "./security-actions";

const choices: { role: Role; label: string }[] = [
  { role: "admin", label: "Admins" },
  { role: "editor", label: "Editors" },
  { role: "contributor", label: "Contributors" },
];

/** Which roles must use a second factor; people without one are sent to set one up at their next click. */
export function SecurityPolicyForm({ roles }: { roles: Role[] }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).getAll("roles").map(String);
    setPending(true);
    setError(null);
    const result = await securityPolicyAction({ roles: chosen });
    setPending(false);
    if (result.status === "success") toast.success(result.message);
    else if (result.status === "error") setError(result.message);
  }
  return (
    <form className="desk-panel people-policy" onSubmit={onSubmit} aria-labelledby="policy-heading">
      <h2 id="policy-heading">Sign-in security</h2>
      <fieldset>
        <legend>Second factor required for</legend>
        <div className="people-policy-choices">
          {choices.map((choice) => (
            <label key={choice.role} className="desk-check">
              <input
                type="checkbox"
                name="roles"
                value={choice.role}
                defaultChecked={roles.includes(choice.role)}
              />{" "}
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="desk-hint">
        People of these roles without an authenticator app or a passkey can still sign in, but only to set one
        up on their Account page.
      </p>
      {error ? (
        <p className="desk-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="desk-button desk-button-primary" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
