import { DeskTime } from "@/app/_components/desk-time";
import type { Actor } from "@/lib/auth/actor";
import { readSecondFactorOverview } from "@/lib/auth/second-factor/overview";

import { NewRecoveryCodesForm } from "./new-recovery-codes-form";
import { RemoveTotpForm } from "./remove-totp-form";
import { TotpSetup } from "./totp-setup";

/** The Account page's second factors: the authenticator app and the recovery codes (passkeys have their own). */
export async function SecondFactorSection({ actor }: { actor: Actor }) {
  const overview = await readSecondFactorOverview({ actor });
  const hasFactor = overview.totp.state === "confirmed" || overview.passkeys > 0;
  return (
    <section
      className="desk-panel account-second-factor"
      id="second-factor"
      aria-labelledby="second-factor-heading"
    >
      <h2 id="second-factor-heading">Second factor</h2>
      <p className="desk-hint">
        {overview.required
          ? "Your newsroom requires a second factor for your role. "
          : "A second factor keeps your account yours even if your password leaks. "}
        After your password, signing in asks for a code from your phone or a passkey.
      </p>
      <div className="account-factor">
        <h3>Authenticator app</h3>
        {overview.totp.state === "confirmed" ? (
          <>
            <p data-testid="totp-status">
              <span className="desk-badge desk-badge-live">On</span> Set up{" "}
              <DeskTime iso={overview.totp.confirmedAt} relative={false} />.
            </p>
            <RemoveTotpForm />
          </>
        ) : (
          <TotpSetup pending={overview.pendingTotp} />
        )}
      </div>
      {/* Before the first factor there is nothing to recover; its set-up shows the first codes itself. */}
      {hasFactor ? (
        <div className="account-factor">
          <h3>Recovery codes</h3>
          <p data-testid="recovery-code-count">
            {overview.unusedRecoveryCodes} of 10 unused. Each signs you in once when your phone or passkey is
            not at hand.
          </p>
          <NewRecoveryCodesForm />
        </div>
      ) : null}
    </section>
  );
}
