import type { Metadata } from "next";
import Link from "next/link";

import "./_auth/auth-pages.css";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false } };

/** Rendered with status 403 when requirePageActor finds the signed-in role lacks the page's permission. */
export default function Forbidden() {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="auth-eyebrow">Error 403</p>
        <h1>This page is not open to your role</h1>
        <p>You are signed in, but your role does not allow this. If you need access, ask a newsroom admin.</p>
        <p>
          <Link href="/desk">Back to the desk</Link>
        </p>
      </div>
    </main>
  );
}
