"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import type { SsoPageFacts } from "@/lib/auth/sso/sso-error-messages";

import { SecondStepForm, type SecondStepFactors } from "./second-step-form";

/** Which answers the second step offers, read with the challenge cookie the password step set; null: none. */
async function fetchSecondStep(): Promise<SecondStepFactors | null> {
  const response = await fetch("/api/sign-in/second-step", { cache: "no-store" });
  if (!response.ok) throw new Error(`second step: ${response.status}`);
  const body = (await response.json()) as { live: boolean } & SecondStepFactors;
  return body.live ? { totp: body.totp, passkey: body.passkey, recoveryCodes: body.recoveryCodes } : null;
}

/**
 * Email and password, then (for a person with a second factor) the second step. The error sentence is announced
 * and focused so screen-reader users hear it.
 */
export function SignInForm({
  callbackPath,
  initialError,
  otherWaysIn,
  ssoFacts,
}: {
  callbackPath: string;
  initialError: string | null;
  /** Shown under the password form only (a passkey button, say), never during the second step. */
  otherWaysIn?: ReactNode;
  /** Single sign-on's name, for the sentence when password sign-in is off for this person. */
  ssoFacts?: SsoPageFacts;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const [secondStep, setSecondStep] = useState<SecondStepFactors | null>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        callbackUrl: callbackPath,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so the server renders the desk with the new session cookie.
        window.location.assign(callbackPath);
        return;
      }
      if (result?.error === "second_factor") {
        const factors = await fetchSecondStep();
        if (factors) {
          setSecondStep(factors);
          setPending(false);
          return;
        }
        setError(signInErrorMessage({ code: "second_factor_expired" }));
        setPending(false);
        return;
      }
      setError(signInErrorMessage({ code: result?.error ?? "unavailable", sso: ssoFacts }));
    } catch {
      setError(signInErrorMessage({ code: "unavailable" }));
    }
    setPending(false);
  }

  if (secondStep)
    return (
      <SecondStepForm
        factors={secondStep}
        callbackPath={callbackPath}
        onRestart={(message) => {
          setSecondStep(null);
          setError(message);
        }}
      />
    );

  return (
    <>
      {/* method="post": a submit before the script loads must never put the password in the URL. */}
      <form method="post" onSubmit={onSubmit} aria-describedby={error ? "sign-in-error" : undefined}>
        {error ? (
          <p id="sign-in-error" className="auth-alert" role="alert" tabIndex={-1} ref={alertRef}>
            {error}
          </p>
        ) : null}
        <div className="auth-field">
          <label htmlFor="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="auth-field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button className="auth-submit" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {otherWaysIn}
    </>
  );
}
