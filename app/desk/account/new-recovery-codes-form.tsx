"use client";

import { useRouter } from "next/navigation";
import { useActionState, type MouseEvent } from "react";

import type { FormState } from "@/lib/errors/form-state";

import { RecoveryCodesList } from "./recovery-codes-list";
import { newRecoveryCodesAction } from "./second-factor-actions";

const idle: FormState<string[]> = { status: "idle" };

/** "Create new recovery codes": the unused ones stop working, the new ones are shown once. */
export function NewRecoveryCodesForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(newRecoveryCodesAction, idle);
  if (state.status === "success")
    return <RecoveryCodesList codes={state.result} onDone={() => router.refresh()} />;
  function confirmReplace(event: MouseEvent<HTMLButtonElement>) {
    if (!window.confirm("Create 10 new recovery codes? The codes you have not used yet will stop working."))
      event.preventDefault();
  }
  return (
    <form action={action}>
      {state.status === "error" ? (
        <p className="desk-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="desk-button" disabled={pending} onClick={confirmReplace}>
        {pending ? "Creating…" : "Create new recovery codes"}
      </button>
    </form>
  );
}
