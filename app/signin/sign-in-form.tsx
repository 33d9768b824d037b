"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import type { SsoPageFacts } from "@/lib/auth/sso/sso-error-messages";

/** Email and password form; the error sentence is announced and focused so screen-reader users hear it. */
export function SignInForm({
  callbackPath,
  initialError,
  ssoFacts,
}: {
  callbackPath: string;
  initialError: string | null;
  /** Single sign-on's name, for the sentence when password sign-in is off for this person. */
  ssoFacts?: SsoPageFacts;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
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
      setError(signInErrorMessage({ code: result?.error ?? "unavailable", sso: ssoFacts }));
    } catch {
      setError(signInErrorMessage({ code: "unavailable" }));
    }
    setPending(false);
  }

  return (
    // method="post": a submit before the script loads must never put the password in the URL.
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
  );
}
