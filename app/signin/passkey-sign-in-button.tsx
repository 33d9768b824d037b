"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

import { passkeyPromptProblem } from "@/app/_auth/passkey-prompt-problem";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

import { requestPasskeyOptions } from "./request-passkey-options";

import "./passkey-sign-in.css";

const noSubscription = () => () => {};

/**
 * "Sign in with a passkey": the browser offers the passkeys it holds for this desk; the one chosen names the
 * person, and the device's fingerprint, face or PIN stands in for the password.
 */
export function PasskeySignInButton({
  callbackPath,
  deskOrigin,
}: {
  callbackPath: string;
  deskOrigin: string;
}) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  // A passkey is bound to the desk's own address; reached at another one, the browser would refuse it.
  const elsewhere = useSyncExternalStore(
    noSubscription,
    () => window.location.origin !== deskOrigin,
    () => false,
  );
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  async function signInWithPasskey() {
    setPending(true);
    setProblem(null);
    try {
      const { options } = await requestPasskeyOptions({ purpose: "passkey_sign_in" });
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options });
      } catch (error) {
        setProblem(passkeyPromptProblem(error, "sign-in"));
        setPending(false);
        return;
      }
      const result = await signIn("passkey", {
        response: JSON.stringify(response),
        callbackUrl: callbackPath,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackPath);
        return;
      }
      setProblem(signInErrorMessage({ code: result?.error ?? "unavailable" }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : signInErrorMessage({ code: "unavailable" }));
    }
    setPending(false);
  }

  return (
    <div className="auth-passkey">
      <p className="auth-divider">or</p>
      {problem ? (
        <p className="auth-alert" role="alert" tabIndex={-1} ref={alertRef}>
          {problem}
        </p>
      ) : null}
      {elsewhere ? (
        <p className="auth-help">
          Passkeys work only at the desk&rsquo;s own address:{" "}
          <a href={`${deskOrigin}/signin`}>sign in at {deskOrigin}</a>.
        </p>
      ) : (
        <button type="button" className="auth-secondary" onClick={signInWithPasskey} disabled={pending}>
          {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
        </button>
      )}
    </div>
  );
}
