"use client";

import { useActionState, type MouseEvent } from "react";

import { useFormToast } from "@/app/_auth/use-form-toast";
import type { FormState } from "@/lib/errors/form-state";

import { revokeTokenAction } from "./actions";

const idle: FormState = { status: "idle" };

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, idle);
  useFormToast(state);
  function confirmRevoke(event: MouseEvent<HTMLButtonElement>) {
    if (!window.confirm(`Revoke “${name}”? Anything using it stops working at once.`)) event.preventDefault();
  }
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        className="desk-button desk-button-small desk-button-danger"
        disabled={pending}
        onClick={confirmRevoke}
        aria-label={`Revoke ${name}`}
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
    </form>
  );
}
