"use client";

import { useState } from "react";

/** Recovery codes, shown once: to copy, download or write down before leaving the page. */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = `Copydesk recovery codes — each works once.\n\n${codes.join("\n")}\n`;
  async function copy() {
    await navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <div className="account-recovery-codes" data-testid="recovery-codes">
      <h3>Your recovery codes</h3>
      <p>
        If you lose your phone or passkey, each of these codes signs you in once in place of your second
        factor. <strong>Save them somewhere safe now: they will not be shown again.</strong>
      </p>
      <ol className="account-code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="account-code-actions">
        <button type="button" className="desk-button desk-button-small" onClick={copy}>
          {copied ? "Copied" : "Copy all"}
        </button>
        <a
          className="desk-button desk-button-small"
          download="copydesk-recovery-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        >
          Download as text
        </a>
        <button type="button" className="desk-button desk-button-primary" onClick={onDone}>
          I have saved them
        </button>
      </div>
    </div>
  );
}
