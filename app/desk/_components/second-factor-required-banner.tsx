import Link from "next/link";

/** Shown above every page of an enrollment-only session (lib/auth/second-factor/enrollment-only.ts). */
export function SecondFactorRequiredBanner() {
  return (
    <div className="desk-notice desk-notice-warn" role="status" data-testid="second-factor-required">
      <p>
        <strong>Your newsroom requires a second factor for your role.</strong> Set up an authenticator app or
        a passkey on your Account page; the rest of the desk opens as soon as one is set up.
      </p>
      <Link href="/desk/account#second-factor">Set one up</Link>
    </div>
  );
}
