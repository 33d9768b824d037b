"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { FormState } from "@/lib/errors/form-state";

import { createTokenAction, type CreatedToken } from "./actions";

const idle: FormState<CreatedToken> = { status: "idle" };

/** Creates a token and shows it once, with a copy button; leaving or reloading the page forgets it. */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, idle);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const revealRef = useRef<HTMLDivElement>(null);
  useFormToast(state);

  // React resets a form after its action runs; submitting by hand keeps what was typed when the save fails.
  function submitKeepingFields(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }
  const created = state.status === "success" && state.result.id !== dismissed ? state.result : null;

  useEffect(() => {
    if (state.status !== "success") return;
    formRef.current?.reset();
    revealRef.current?.focus();
  }, [state]);

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      toast.success("Token copied to the clipboard.");
    } catch {
      toast.error("Could not copy automatically. Select the token and copy it by hand.");
    }
  }

  const nameError = state.status === "error" ? state.fieldErrors.name : undefined;
  return (
    <>
      {created ? (
        <div
          className="desk-notice desk-notice-warn token-reveal"
          ref={revealRef}
          tabIndex={-1}
          aria-labelledby="token-reveal-heading"
        >
          <div className="token-reveal-body">
            <h2 id="token-reveal-heading">New token “{created.name}”</h2>
            <p>Copy it now and keep it somewhere safe. For your security it will not be shown again.</p>
            <label className="visually-hidden" htmlFor="new-token-value">
              New API token
            </label>
            <input
              id="new-token-value"
              className="desk-mono token-value"
              type="text"
              readOnly
              value={created.token}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <div className="desk-button-row">
            <button
              type="button"
              className="desk-button desk-button-primary"
              onClick={() => copy(created.token)}
            >
              Copy token
            </button>
            <button type="button" className="desk-button" onClick={() => setDismissed(created.id)}>
              I have saved it
            </button>
          </div>
        </div>
      ) : null}
      <form
        ref={formRef}
        action={action}
        onSubmit={submitKeepingFields}
        className="desk-panel"
        aria-labelledby="create-token-heading"
      >
        <h2 id="create-token-heading">Create a token</h2>
        <div className="desk-field token-name-field">
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            name="name"
            type="text"
            required
            maxLength={80}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "token-name-error token-name-hint" : "token-name-hint"}
          />
          <p className="desk-hint" id="token-name-hint">
            What will use it, e.g. “Wire importer”. Tokens act with your role.
          </p>
          {nameError ? (
            <p className="desk-error" id="token-name-error">
              {nameError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="desk-button desk-button-primary" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </>
  );
}
