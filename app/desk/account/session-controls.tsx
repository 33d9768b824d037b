"use client";

import { useActionState, type MouseEvent } from "react";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { FormState } from "@/lib/errors/form-state";

import { endSessionAction, signOutEverywhereAction } from "./actions";

const idle: FormState = { status: "idle" };

export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const [state, action, pending] = useActionState(endSessionAction, idle);
  useFormToast(state);
  return (
    <form action={action}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <button
        type="submit"
        className="desk-button desk-button-small"
        disabled={pending}
        aria-label={`Sign out ${label}`}
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, idle);
  useFormToast(state);
  function confirmEverywhere(event: MouseEvent<HTMLButtonElement>) {
    if (!window.confirm("Sign out of every browser, this one included?")) event.preventDefault();
  }
  return (
    <form action={action}>
      <button
        type="submit"
        className="desk-button desk-button-danger"
        disabled={pending}
        onClick={confirmEverywhere}
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </form>
  );
}
