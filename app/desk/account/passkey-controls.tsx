"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useActionState, useState, useSyncExternalStore, type FormEvent, type MouseEvent } from "react";
import { toast } from "sonner";

import { passkeyPromptProblem } from "@/app/_auth/passkey-prompt-problem";
import { useFormToast } from "@/app/_auth/use-form-toast";
import type { FormState } from "@/lib/errors/form-state";

import { removePasskeyAction, renamePasskeyAction } from "./passkey-actions";
import { RecoveryCodesList } from "./recovery-codes-list";

const idle: FormState = { status: "idle" };
const noSubscription = () => () => {};

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok)
    throw new Error(answer?.error?.message ?? "The desk could not be reached. Please try again.");
  return answer;
}

/** Name, then the browser's own prompt; the desk keeps the passkey once it has checked the answer. */
export function AddPasskeyForm({ defaultName, deskOrigin }: { defaultName: string; deskOrigin: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  // A passkey belongs to the address it was made at: the desk reached at another one cannot make or use it.
  const elsewhere = useSyncExternalStore(
    noSubscription,
    () => window.location.origin !== deskOrigin,
    () => false,
  );

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setPending(true);
    setProblem(null);
    try {
      const optionsJSON = (await postJson("/desk/account/passkeys/options", {})) as Parameters<
        typeof startRegistration
      >[0]["optionsJSON"];
      let response;
      try {
        response = await startRegistration({ optionsJSON });
      } catch (error) {
        setProblem(passkeyPromptProblem(error, "register"));
        return;
      }
      const added = (await postJson("/desk/account/passkeys", { name, response })) as {
        recoveryCodes: string[] | null;
      };
      toast.success(`“${name.trim()}” is added. You can now sign in with it.`);
      // The first factor's recovery codes are shown once, here; the page refreshes after they are saved.
      if (added.recoveryCodes) setRecoveryCodes(added.recoveryCodes);
      else router.refresh();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The passkey could not be added.");
    } finally {
      setPending(false);
    }
  }

  if (recoveryCodes)
    return (
      <RecoveryCodesList
        codes={recoveryCodes}
        onDone={() => {
          setRecoveryCodes(null);
          router.refresh();
        }}
      />
    );
  if (elsewhere)
    return (
      <p className="desk-hint account-passkeys-elsewhere">
        Passkeys work only at the desk&rsquo;s own address.{" "}
        <a href={`${deskOrigin}/desk/account`}>Open the desk at {deskOrigin}</a> to add or use one.
      </p>
    );
  return (
    <form
      className="account-passkey-add"
      onSubmit={add}
      aria-describedby={problem ? "passkey-add-error" : undefined}
    >
      {problem ? (
        <p className="desk-error" role="alert" id="passkey-add-error">
          {problem}
        </p>
      ) : null}
      <div className="desk-field">
        <label htmlFor="passkey-name">Name of the new passkey</label>
        <input id="passkey-name" name="name" type="text" required maxLength={60} defaultValue={defaultName} />
      </div>
      <button type="submit" className="desk-button desk-button-primary" disabled={pending}>
        {pending ? "Waiting for your device…" : "Add a passkey"}
      </button>
    </form>
  );
}

/** Rename (inline) and remove (after a confirmation) one passkey. */
export function PasskeyControls({ passkeyId, name }: { passkeyId: string; name: string }) {
  const [renameState, rename, renamePending] = useActionState(renamePasskeyAction, idle);
  // The rename form stays open until a rename succeeds after it was opened (a refusal keeps it open).
  const [openedAt, setOpenedAt] = useState<FormState | null>(null);
  const renaming = openedAt !== null && !(renameState !== openedAt && renameState.status === "success");
  const setRenaming = (open: boolean) => setOpenedAt(open ? renameState : null);
  const [removeState, remove, removePending] = useActionState(removePasskeyAction, idle);
  useFormToast(renameState);
  useFormToast(removeState);

  function confirmRemoval(event: MouseEvent<HTMLButtonElement>) {
    if (!window.confirm(`Remove “${name}”? It will no longer sign you in to this desk.`))
      event.preventDefault();
  }

  if (renaming)
    return (
      <form action={rename} className="account-passkey-rename">
        <input type="hidden" name="passkeyId" value={passkeyId} />
        <label className="visually-hidden" htmlFor={`passkey-rename-${passkeyId}`}>
          New name for {name}
        </label>
        <input
          id={`passkey-rename-${passkeyId}`}
          name="name"
          type="text"
          required
          maxLength={60}
          defaultValue={name}
          autoFocus
        />
        <div className="desk-button-row">
          <button type="submit" className="desk-button desk-button-small" disabled={renamePending}>
            {renamePending ? "Saving…" : "Save"}
          </button>
          <button type="button" className="desk-button desk-button-small" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <div className="desk-button-row account-passkey-actions">
      <button
        type="button"
        className="desk-button desk-button-small"
        onClick={() => setRenaming(true)}
        aria-label={`Rename ${name}`}
      >
        Rename
      </button>
      <form action={remove}>
        <input type="hidden" name="passkeyId" value={passkeyId} />
        <button
          type="submit"
          className="desk-button desk-button-small desk-button-danger"
          disabled={removePending}
          onClick={confirmRemoval}
          aria-label={`Remove ${name}`}
        >
          {removePending ? "Removing…" : "Remove"}
        </button>
      </form>
    </div>
  );
}
