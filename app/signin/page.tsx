import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { safeCallbackPath } from "@/lib/auth/callback-path";
import { passkeyRelyingParty } from "@/lib/auth/passkeys/relying-party";
import { getSessionActor } from "@/lib/auth/session-actor";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

import { PasskeySignInButton } from "./passkey-sign-in-button";
import { SignInForm } from "./sign-in-form";

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
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Copydesk</p>
        <h1>Sign in to the desk</h1>
        {first(params.signedOut) ? (
          <p className="auth-note" role="status">
            {first(params.signedOut) === "everywhere"
              ? "You have signed out everywhere."
              : "You have signed out."}
          </p>
        ) : null}
        <SignInForm
          callbackPath={callbackPath}
          initialError={signInErrorMessage({ code: first(params.error) })}
          otherWaysIn={
            passkeys ? <PasskeySignInButton callbackPath={callbackPath} deskOrigin={passkeys.origin} /> : null
          }
        />
        <p className="auth-help">Forgotten your password? Ask a newsroom admin to set a new one.</p>
      </div>
    </main>
  );
}
