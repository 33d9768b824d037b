"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";

import { commentBodyLimit } from "@/lib/review-threads/review-thread-input";

export type Mentionable = { name: string; handle: string };

/**
 * A comment box. Enter makes a new line (comments are prose, and Enter must never send something else);
 * Ctrl+Enter or ⌘+Enter posts, as does the button. `@` followed by the start of a handle offers matching
 * people as buttons that complete it.
 */
export function CommentComposer(props: {
  label: string;
  submitLabel: string;
  people: Mentionable[];
  autoFocus?: boolean;
  /** Posts the comment; answers an error sentence to show, or null when it was posted. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [caret, setCaret] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);

  const typed = /(?:^|[^\p{L}\p{N}_.@+-])@([A-Za-z0-9._%+-]{0,40})$/u.exec(body.slice(0, caret));
  const partial = typed?.[1]?.toLowerCase() ?? null;
  const suggestions =
    partial === null
      ? []
      : props.people
          .filter(
            (person) => person.handle.startsWith(partial) || person.name.toLowerCase().startsWith(partial),
          )
          .slice(0, 5);

  async function post() {
    if (busy) return;
    if (!body.trim()) {
      setError("Write the comment first.");
      box.current?.focus();
      return;
    }
    setBusy(true);
    const problem = await props.onSubmit(body);
    setBusy(false);
    setError(problem);
    if (problem === null) setBody("");
    else box.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void post();
    } else if (event.key === "Escape" && props.onCancel) {
      event.preventDefault();
      props.onCancel();
    }
  }

  function complete(handle: string) {
    const before = body.slice(0, caret).replace(/@[A-Za-z0-9._%+-]*$/, `@${handle} `);
    const next = before + body.slice(caret);
    setBody(next);
    setCaret(before.length);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(before.length, before.length);
    });
  }

  return (
    <div className="desk-review-composer">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        ref={box}
        rows={3}
        value={body}
        maxLength={commentBodyLimit}
        autoFocus={props.autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={(event) => {
          setBody(event.target.value);
          setCaret(event.target.selectionStart);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 ? (
        <div className="desk-review-mentions" aria-label="Mention">
          {suggestions.map((person) => (
            <button
              key={person.handle}
              type="button"
              className="desk-button desk-button-small"
              onClick={() => complete(person.handle)}
            >
              @{person.handle} <span className="desk-muted">{person.name}</span>
            </button>
          ))}
        </div>
      ) : null}
      <p id={`${id}-hint`} className="desk-hint desk-small">
        Enter starts a new line; Ctrl+Enter (⌘+Enter) posts. @ and the first part of someone&apos;s email
        tells them.
      </p>
      {error ? (
        <p id={`${id}-error`} className="desk-review-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="desk-button-row">
        <button
          type="button"
          className="desk-button desk-button-primary desk-button-small"
          onClick={post}
          disabled={busy}
        >
          {busy ? "Posting…" : props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className="desk-button desk-button-small" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}
