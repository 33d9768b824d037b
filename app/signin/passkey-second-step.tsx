"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useState } from "react";

import { passkeyPromptClosed } from "@/app/_auth/passkey-prompt-problem";

import { PasskeyOptionsError, requestPasskeyOptions } from "./request-passkey-options";

/** How the passkey answer to the second step ended; `code` is a sign-in error code (sign-in-errors.ts). */
export type PasskeyStepOutcome = { ok: true } | { ok: false; code: string };

/**
 * The second step by passkey: options for this person's passkeys (the sign-in cookie names the step), the
 * browser's prompt, then the "second-factor" provider checks the answer.
 */
export function usePasskeyForSecondStep(): { start: () => Promise<PasskeyStepOutcome> } {
  return {
    start: async () => {
      let options;
      try {
        ({ options } = await requestPasskeyOptions({ purpose: "second_factor" }));
      } catch (error) {
        // 401: the step is over (expired, too many tries); the form sends the person back to the password.
        return {
          ok: false,
          code:
            error instanceof PasskeyOptionsError && error.status === 401
              ? "second_factor_expired"
              : "passkey_failed",
        };
      }
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options });
      } catch (error) {
        return { ok: false, code: passkeyPromptClosed(error) ? "passkey-cancelled" : "passkey_failed" };
      }
      try {
        const result = await signIn("second-factor", {
          method: "passkey",
          response: JSON.stringify(response),
          redirect: false,
        });
        return result?.ok && !result.error
          ? { ok: true }
          : { ok: false, code: result?.error ?? "unavailable" };
      } catch {
        return { ok: false, code: "unavailable" };
      }
    },
  };
}

export function PasskeySecondStep({
  disabled,
  onOutcome,
  primary = false,
}: {
  disabled: boolean;
  onOutcome: (outcome: PasskeyStepOutcome) => void;
  /** The step's main button (a person whose only factor is a passkey), not an alternative. */
  primary?: boolean;
}) {
  const passkey = usePasskeyForSecondStep();
  const [pending, setPending] = useState(false);
  async function start() {
    setPending(true);
    const outcome = await passkey.start();
    // On success the page navigates away; keep the button busy until it does.
    if (!outcome.ok) setPending(false);
    onOutcome(outcome);
  }
  return (
    <button
      type="button"
      className={primary ? "auth-submit" : "auth-secondary"}
      disabled={disabled || pending}
      onClick={start}
    >
      {pending ? "Waiting for your passkey…" : primary ? "Use your passkey" : "Use a passkey instead"}
    </button>
  );
}
