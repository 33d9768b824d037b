import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { safeCallbackPath } from "@/lib/auth/callback-path";
import { passkeyRelyingParty } from "@/lib/auth/passkeys/relying-party";
import { getSessionActor } from "@/lib/auth/session-actor";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { isSsoErrorCode } from "@/lib/auth/sso/sso-error-messages";
import { passwordSignInPolicy, ssoSettings } from "@/lib/auth/sso/sso-settings";

import { PasskeySignInButton } from "./passkey-sign-in-button";
import { SignInForm } from "./sign-in-form";
import { PasswordBesideSso, SsoSignIn } from "./sso-sign-in";

import "@/app/_auth/auth-pages.css";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath({ value: first(params.callbackUrl) });
  if (await getSessionActor()) redirect(callbackPath);
  const passkeys = passkeyRelyingParty();
  const sso = ssoSettings();
  const ssoFacts = sso ? { name: sso.displayName, allowedDomains: sso.allowedDomains } : undefined;
  const breakGlass = Boolean(sso) && passwordSignInPolicy().mode === "break_glass";
  const errorCode = first(params.error);
  const error = signInErrorMessage({ code: errorCode, sso: ssoFacts });
  const ssoError = sso && errorCode && isSsoErrorCode(errorCode) ? error : null;
  const passwordForm = (
    <SignInForm
      callbackPath={callbackPath}
      initialError={ssoError ? null : error}
      ssoFacts={ssoFacts}
      otherWaysIn={
        passkeys ? <PasskeySignInButton callbackPath={callbackPath} deskOrigin={passkeys.origin} /> : null
      }
    />
  );
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Copydesk</p>
        <h1>Sign in to the desk</h1>
        <p className="auth-lede">
          {!sso
            ? "Use the email and password your newsroom admin gave you."
            : breakGlass
              ? `Use your ${sso.displayName} account.`
              : `Use your ${sso.displayName} account, or the email and password your newsroom admin gave you.`}
        </p>
        {first(params.signedOut) ? (
          <p className="auth-note" role="status">
            {first(params.signedOut) === "everywhere"
              ? "You have signed out everywhere."
              : "You have signed out."}
          </p>
        ) : null}
        {sso ? (
          <>
            <SsoSignIn providerName={sso.displayName} callbackPath={callbackPath} error={ssoError} />
            <PasswordBesideSso breakGlass={breakGlass}>{passwordForm}</PasswordBesideSso>
          </>
        ) : (
          passwordForm
        )}
        {breakGlass ? null : (
          <p className="auth-help">Forgotten your password? Ask a newsroom admin to set a new one.</p>
        )}
      </div>
    </main>
  );
}
