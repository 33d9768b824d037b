"use client";

import { useState } from "react";

import { verifyRemovedTextAction } from "@/app/desk/_actions/legal-removal-actions";

import { fieldLabel } from "./removal-words";

type Outcome = { message: string; matches: { kind: string; field?: string }[] };

/**
 * Proving later what was removed: a pasted text is hashed with the record's salts and compared. The text is
 * never stored or logged.
 */
export function VerifyRemovedTextForm({ number }: { number: number }) {
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    setPending(true);
    setError(null);
    setOutcome(null);
    try {
      const state = await verifyRemovedTextAction({ number, text });
      if (state.status === "success") setOutcome({ message: state.message, matches: state.result.matches });
      else if (state.status === "error") setError(state.message);
    } catch {
      setError("Could not reach the server; try again.");
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="desk-panel" aria-labelledby="verify-removal">
      <h2 id="verify-removal">Check a text against this removal</h2>
      <p className="desk-hint desk-removal-lead">
        Paste a text to learn whether it is one this removal took out (exactly as it was stored). For a photo,
        paste the SHA-256 of its original file; for a contributor, their name. Nothing you paste is kept.
      </p>
      <form
        className="desk-removal-verify"
        onSubmit={(event) => {
          event.preventDefault();
          void verify();
        }}
      >
        <div className="desk-field">
          <label htmlFor="verify-removal-text">Text to check</label>
          <textarea
            id="verify-removal-text"
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={error ? "verify-removal-error" : undefined}
          />
        </div>
        {error ? (
          <p className="desk-error" id="verify-removal-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="desk-button-row">
          <button type="submit" className="desk-button" disabled={pending || text.length === 0}>
            {pending ? "Checking…" : "Check"}
          </button>
        </div>
      </form>
      {outcome ? (
        <p role="status" className="desk-removal-verdict">
          {outcome.message}
          {outcome.matches.length > 0
            ? ` (${outcome.matches
                .map((match) => (match.field ? `${match.kind}, ${fieldLabel(match.field)}` : match.kind))
                .join("; ")})`
            : null}
        </p>
      ) : null}
    </section>
  );
}
