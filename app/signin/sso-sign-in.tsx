"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Single sign-on at the top of the sign-in page: the button that sends the person to the newsroom's identity
 * provider, and the sentence when the provider's answer was refused. In break-glass mode the password form
 * follows behind a disclosure for the admins who may still use it.
 */
export function SsoSignIn({
  providerName,
  callbackPath,
  error,
}: {
  providerName: string;
  callbackPath: string;
  error: string | null;
}) {
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function onClick() {
    setPending(true);
    try {
      await signIn("oidc", { callbackUrl: callbackPath });
    } catch {
      setPending(false);
    }
  }

  return (
    <div className="auth-sso">
      {error ? (
        <p id="sso-error" className="auth-alert" role="alert" tabIndex={-1} ref={alertRef}>
          {error}
        </p>
      ) : null}
      <button className="auth-submit" type="button" onClick={onClick} disabled={pending}>
        {pending ? `Going to ${providerName}…` : `Sign in with ${providerName}`}
      </button>
    </div>
  );
}

/** The password form under single sign-on: beside it normally, behind a disclosure for break-glass admins. */
export function PasswordBesideSso({ breakGlass, children }: { breakGlass: boolean; children: ReactNode }) {
  if (!breakGlass)
    return (
      <>
        <p className="auth-divider">
          <span>or with your password</span>
        </p>
        {children}
      </>
    );
  return (
    <details className="auth-break-glass">
      <summary>Newsroom admin? Sign in with a password</summary>
      <p className="auth-help">Password sign-in is kept for the newsroom’s break-glass admins.</p>
      {children}
    </details>
  );
}
