import type { Metadata } from "next";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { listOwnSessions } from "@/lib/auth/sessions";
import { readEmailNotifications } from "@/lib/mail/email-notifications";

import { ChangePasswordForm } from "./change-password-form";
import { describeBrowser } from "./describe-browser";
import { EmailNotificationsForm } from "./email-notifications-form";
import { PasskeysSection } from "./passkeys-section";
import { SecondFactorSection } from "./second-factor-section";
import { EndSessionButton, SignOutEverywhereButton } from "./session-controls";

import "./account.css";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePageActor({ permission: "account:own", callbackPath: "/desk/account" });
  const [sessions, email] = await Promise.all([
    listOwnSessions({ actor }),
    readEmailNotifications({ actor }),
  ]);

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>Your account</h1>
          <p className="desk-lede">
            Signed in as <strong>{actor.name}</strong> ({actor.email}).
          </p>
        </div>
      </div>
      <SecondFactorSection actor={actor} />
      <div className="account-grid">
        <ChangePasswordForm />
        <section className="desk-panel" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Where you are signed in</h2>
          <p className="desk-hint">
            A session ends when you sign out, after 12 hours without use, or when your password changes.
          </p>
          <ul className="account-sessions">
            {sessions.map((session) => {
              const browser = describeBrowser({ userAgent: session.userAgent });
              return (
                <li key={session.id} data-testid={session.current ? "session-current" : "session-other"}>
                  <div>
                    <strong>{browser}</strong>
                    {session.current ? (
                      <span className="desk-badge desk-badge-live account-current">This browser</span>
                    ) : null}
                    <p className="desk-small desk-muted">
                      Signed in <DeskTime iso={session.createdAt} relative={false} /> · last active{" "}
                      <DeskTime iso={session.lastSeenAt} />
                    </p>
                  </div>
                  {session.current ? null : <EndSessionButton sessionId={session.id} label={browser} />}
                </li>
              );
            })}
          </ul>
          <SignOutEverywhereButton />
        </section>
        <PasskeysSection actor={actor} />
        <EmailNotificationsForm
          emailNotifications={email.emailNotifications}
          mailConfigured={email.mailConfigured}
        />
      </div>
    </>
  );
}
