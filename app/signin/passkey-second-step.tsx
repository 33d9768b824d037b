"use client";

/**
 * PLACEHOLDER for the passkeys work: the "Use a passkey instead" button of the second sign-in step. The passkeys
 * helper replaces `usePasskeyForSecondStep` (fetch POST /api/sign-in/passkey-options, run the browser ceremony,
 * then `signIn("second-factor", { method: "passkey", response: JSON.stringify(answer), redirect: false })`) and
 * may restyle the button. The contract with the second step (second-step-form.tsx) is the props below.
 */
export type PasskeyStepOutcome = { ok: true } | { ok: false; code: string };

export function usePasskeyForSecondStep(): { start: () => Promise<PasskeyStepOutcome> } {
  return {
    start: async () => ({ ok: false, code: "passkey_failed" }),
  };
}

export function PasskeySecondStep({
  disabled,
  onOutcome,
}: {
  disabled: boolean;
  onOutcome: (outcome: PasskeyStepOutcome) => void;
}) {
  const passkey = usePasskeyForSecondStep();
  return (
    <button
      type="button"
      className="auth-secondary"
      disabled={disabled}
      onClick={async () => onOutcome(await passkey.start())}
    >
      Use a passkey instead
    </button>
  );
}
