"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { secondStepRestartCodes, signInErrorMessage } from "@/lib/auth/sign-in-errors";

import { PasskeySecondStep, type PasskeyStepOutcome } from "./passkey-second-step";

export type SecondStepFactors = { totp: boolean; passkey: boolean; recoveryCodes: boolean };

type Mode = "totp" | "passkey" | "recovery_code";

/**
 * The second sign-in step, after a right password: a code from the authenticator app, a passkey, or a recovery
 * code. Every refusal says what to do next; when the step cannot go on (expired, too many tries) the person is
 * sent back to the password with the reason (`onRestart`).
 */
export function SecondStepForm({
  factors,
  callbackPath,
  onRestart,
}: {
  factors: SecondStepFactors;
  callbackPath: string;
  onRestart: (message: string | null) => void;
}) {
  // A person with an authenticator app is asked for its code; one whose only factor is a passkey, for the passkey.
  const [mode, setMode] = useState<Mode>(
    factors.totp ? "totp" : factors.passkey ? "passkey" : "recovery_code",
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, [mode]);

  function refused(code: string) {
    if (secondStepRestartCodes.has(code)) {
      onRestart(signInErrorMessage({ code }));
      return;
    }
    setError(signInErrorMessage({ code }));
    setPending(false);
    if (inputRef.current) {
      inputRef.current.value = "";
      inputRef.current.focus();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    setPending(true);
    setError(null);
    try {
      const result = await signIn("second-factor", {
        method: mode,
        code,
        callbackUrl: callbackPath,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackPath);
        return;
      }
      refused(result?.error ?? "unavailable");
    } catch {
      refused("unavailable");
    }
  }

  function switchTo(next: Mode) {
    setError(null);
    setMode(next);
  }

  function onPasskey(outcome: PasskeyStepOutcome) {
    if (outcome.ok) window.location.assign(callbackPath);
    else refused(outcome.code);
  }

  const totp = mode === "totp";
  if (mode === "passkey")
    return (
      <div className="auth-second-step">
        <h2 className="auth-step-heading">Confirm it’s you with your passkey</h2>
        <p className="auth-lede">
          Your account has a second step. Use the passkey you added to Copydesk: your device will ask for your
          fingerprint, face or PIN.
        </p>
        {error ? (
          <p id="second-step-error" className="auth-alert" role="alert">
            {error}
          </p>
        ) : null}
        <PasskeySecondStep disabled={pending} onOutcome={onPasskey} primary />
        <div className="auth-alternatives">
          <button type="button" className="auth-link" onClick={() => switchTo("recovery_code")}>
            Use a recovery code
          </button>
          <button type="button" className="auth-link" onClick={() => onRestart(null)}>
            Start again
          </button>
        </div>
      </div>
    );
  return (
    <form
      className="auth-second-step"
      method="post"
      onSubmit={onSubmit}
      aria-describedby={error ? "second-step-error" : undefined}
    >
      <h2 className="auth-step-heading">
        {totp ? "Enter the code from your authenticator app" : "Use a recovery code"}
      </h2>
      <p className="auth-lede">
        {totp
          ? "Your account has a second step. Open your authenticator app and type the 6-digit code it shows for Copydesk."
          : "Type one of the recovery codes you saved when you set up your second factor. Each code works once."}
      </p>
      {error ? (
        <p id="second-step-error" className="auth-alert" role="alert">
          {error}
        </p>
      ) : null}
      <div className="auth-field">
        <label htmlFor="second-step-code">{totp ? "6-digit code" : "Recovery code"}</label>
        <input
          key={mode}
          ref={inputRef}
          id="second-step-code"
          name="code"
          type="text"
          required
          autoComplete={totp ? "one-time-code" : "off"}
          inputMode={totp ? "numeric" : "text"}
          maxLength={totp ? 7 : 12}
          spellCheck={false}
          autoCapitalize="off"
          className={totp ? "auth-code-input" : undefined}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button className="auth-submit" type="submit" disabled={pending}>
        {pending ? "Checking…" : "Continue"}
      </button>
      <div className="auth-alternatives">
        {factors.passkey && totp ? <PasskeySecondStep disabled={pending} onOutcome={onPasskey} /> : null}
        {factors.passkey && !totp ? (
          <button type="button" className="auth-link" onClick={() => switchTo("passkey")}>
            Use your passkey
          </button>
        ) : null}
        {totp ? (
          <button type="button" className="auth-link" onClick={() => switchTo("recovery_code")}>
            Use a recovery code
          </button>
        ) : factors.totp ? (
          <button type="button" className="auth-link" onClick={() => switchTo("totp")}>
            Use your authenticator app
          </button>
        ) : null}
        <button type="button" className="auth-link" onClick={() => onRestart(null)}>
          Start again
        </button>
      </div>
    </form>
  );
}
