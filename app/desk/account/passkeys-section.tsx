import { headers } from "next/headers";

import { DeskTime } from "@/app/_components/desk-time";
import type { Actor } from "@/lib/auth/actor";
import { listOwnPasskeys } from "@/lib/auth/passkeys/own-passkeys";
import { passkeyRelyingParty } from "@/lib/auth/passkeys/relying-party";

import { describeBrowser } from "./describe-browser";
import { AddPasskeyForm, PasskeyControls } from "./passkey-controls";

/** The Account page's passkeys: add one with this browser's prompt, see when each was used, rename, remove. */
export async function PasskeysSection({ actor }: { actor: Actor }) {
  const [passkeys, requestHeaders] = await Promise.all([listOwnPasskeys({ actor }), headers()]);
  const party = passkeyRelyingParty();
  const browser = describeBrowser({ userAgent: requestHeaders.get("user-agent") ?? "" });
  return (
    <section className="desk-panel account-passkeys" aria-labelledby="passkeys-heading" id="passkeys">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p className="desk-hint">
        A passkey signs you in with your device&rsquo;s fingerprint, face or PIN instead of a password, and
        serves as the second step after your password. A look-alike site cannot use it.
      </p>
      {passkeys.length === 0 ? (
        <p className="account-passkeys-empty">You have no passkeys yet.</p>
      ) : (
        <ul className="account-passkeys-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id} data-testid="passkey">
              <div className="account-passkey-text">
                <strong>{passkey.name}</strong>
                {passkey.synced ? <span className="desk-badge account-current">Synced</span> : null}
                <p className="desk-small desk-muted">
                  Added <DeskTime iso={passkey.createdAt} relative={false} /> ·{" "}
                  {passkey.lastUsedAt ? (
                    <>
                      last used <DeskTime iso={passkey.lastUsedAt} />
                    </>
                  ) : (
                    "not used yet"
                  )}
                </p>
              </div>
              <PasskeyControls passkeyId={passkey.id} name={passkey.name} />
            </li>
          ))}
        </ul>
      )}
      {party ? (
        <AddPasskeyForm
          defaultName={`Passkey on ${browser.replace(" on ", ", ")}`}
          deskOrigin={party.origin}
        />
      ) : (
        <p className="desk-hint">
          Passkeys are not available here: this desk&rsquo;s address is an IP address, and browsers allow
          passkeys only on a named address. An admin can set NEXTAUTH_URL to the desk&rsquo;s host name.
        </p>
      )}
    </section>
  );
}
