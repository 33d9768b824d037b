"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useState, type FormEvent } from "react";

import type { FormState } from "@/lib/errors/form-state";

import { RecoveryCodesList } from "./recovery-codes-list";
import { confirmTotpAction, startTotpAction, type TotpEnrollmentView } from "./second-factor-actions";

const idle: FormState<{ recoveryCodes: string[] | null }> = { status: "idle" };

/** The secret in groups of four, as authenticator apps take it when typed by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * Adding an authenticator app: scan the QR code (or type the secret), then type the first code to confirm. A
 * person's first factor also brings their recovery codes, shown once.
 */
export function TotpSetup({ pending: initial }: { pending: TotpEnrollmentView | null }) {
  const router = useRouter();
  const [enrollment, setEnrollment] = useState<TotpEnrollmentView | null>(initial);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [state, confirm, confirming] = useActionState(confirmTotpAction, idle);

  async function start() {
    setStarting(true);
    setStartError(null);
    const result = await startTotpAction({});
    setStarting(false);
    if (result.status === "success") setEnrollment(result.result);
    else if (result.status === "error") setStartError(result.message);
  }
  function submitKeepingField(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => confirm(formData));
  }

  if (state.status === "success") {
    const codes = state.result.recoveryCodes;
    return (
      <div>
        <div className="desk-notice desk-notice-info" role="status">
          <p>
            Your authenticator app is set up. From now on, signing in asks for a code from it after your
            password.
          </p>
        </div>
        {codes ? (
          <RecoveryCodesList codes={codes} onDone={() => router.refresh()} />
        ) : (
          <button type="button" className="desk-button desk-button-primary" onClick={() => router.refresh()}>
            Done
          </button>
        )}
      </div>
    );
  }

  if (!enrollment)
    return (
      <div>
        <p className="desk-hint">
          An app such as 1Password, Google Authenticator, Microsoft Authenticator or Aegis shows a new 6-digit
          code every 30 seconds. With your first factor you also get ten one-time recovery codes.
        </p>
        {startError ? (
          <p className="desk-error" role="alert">
            {startError}
          </p>
        ) : null}
        <button type="button" className="desk-button desk-button-primary" onClick={start} disabled={starting}>
          {starting ? "Preparing…" : "Set up an authenticator app"}
        </button>
      </div>
    );

  const error = state.status === "error" ? (state.fieldErrors.code ?? state.message) : null;
  return (
    <div className="account-totp-setup">
      <ol className="account-steps">
        <li>
          <p>Scan this code with your authenticator app.</p>
          <svg
            className="account-qr"
            viewBox={`-4 -4 ${enrollment.qr.size + 8} ${enrollment.qr.size + 8}`}
            role="img"
            aria-label="QR code to add Copydesk to your authenticator app"
            shapeRendering="crispEdges"
          >
            <rect x="-4" y="-4" width={enrollment.qr.size + 8} height={enrollment.qr.size + 8} fill="#fff" />
            <path d={enrollment.qr.path} fill="#000" />
          </svg>
          <p className="desk-hint">
            Cannot scan it? Enter this key in the app instead:{" "}
            <code className="account-secret" data-testid="totp-secret">
              {grouped(enrollment.secret)}
            </code>
          </p>
        </li>
        <li>
          <form onSubmit={submitKeepingField} action={confirm}>
            <div className="desk-field">
              <label htmlFor="totp-first-code">Type the 6-digit code the app shows</label>
              <input
                id="totp-first-code"
                name="code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                required
                className="account-code-input"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "totp-first-code-error" : undefined}
              />
              {error ? (
                <p className="desk-error" id="totp-first-code-error" role="alert">
                  {error}
                </p>
              ) : null}
            </div>
            <button type="submit" className="desk-button desk-button-primary" disabled={confirming}>
              {confirming ? "Checking…" : "Confirm and turn on"}
            </button>
          </form>
        </li>
      </ol>
    </div>
  );
}
