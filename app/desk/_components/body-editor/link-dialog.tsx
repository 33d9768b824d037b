"use client";

import { useId, useState } from "react";

import { DialogFooter } from "@/app/desk/_components/dialog-footer";
import { useModal } from "@/app/desk/_components/use-modal";
import { readLinkAddress } from "@/lib/validation/link-address";

/** What the dialog opens with: the link under the cursor (to edit) or the selected words (to link). */
export type LinkDraft = { href: string; text: string; editing: boolean };

type Props = {
  /** null while closed. */
  draft: LinkDraft | null;
  onApply: (link: { href: string; text: string }) => void;
  onRemove: () => void;
  onClose: () => void;
};

/**
 * Adds or edits a link in the body. Only addresses the public page keeps are accepted (web pages and email);
 * anything else is refused here with a sentence instead of vanishing from the published story.
 */
export function LinkDialog({ draft, onApply, onRemove, onClose }: Props) {
  const dialog = useModal(draft !== null);
  const id = useId();
  return (
    <dialog
      ref={dialog}
      className="desk-dialog desk-link-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={(event) => {
        // Escape closes the dialog only; without this it would also reach the story form behind it.
        event.stopPropagation();
      }}
    >
      {draft ? (
        <LinkForm
          key={`${draft.href}\u0000${draft.text}`}
          id={id}
          draft={draft}
          {...{ onApply, onRemove, onClose }}
        />
      ) : null}
    </dialog>
  );
}

function LinkForm({ id, draft, onApply, onRemove, onClose }: Props & { id: string; draft: LinkDraft }) {
  const [href, setHref] = useState(draft.href);
  const [text, setText] = useState(draft.text);
  const [problem, setProblem] = useState<string | null>(null);
  const apply = () => {
    const read = readLinkAddress(href);
    if ("problem" in read) {
      setProblem(read.problem);
      return;
    }
    onApply({ href: read.href, text });
  };
  return (
    <>
      <h2 id={`${id}-title`}>{draft.editing ? "Edit link" : "Add a link"}</h2>
      <div className="desk-field">
        <label htmlFor={`${id}-href`}>Address</label>
        <input
          id={`${id}-href`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={href}
          placeholder="https://…"
          onChange={(event) => {
            setHref(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              apply();
            }
          }}
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
          aria-invalid={problem ? true : undefined}
        />
        <p className="desk-hint" id={`${id}-hint`}>
          A web page (https://…) or an email address. Enter applies.
        </p>
      </div>
      <div className="desk-field">
        <label htmlFor={`${id}-text`}>Text (optional)</label>
        <input
          id={`${id}-text`}
          type="text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              apply();
            }
          }}
        />
        <p className="desk-hint">The words readers click; left empty, the address itself.</p>
      </div>
      {draft.editing ? (
        <p>
          <button
            type="button"
            className="desk-button desk-button-small desk-button-danger"
            onClick={onRemove}
          >
            Remove link
          </button>
        </p>
      ) : null}
      <DialogFooter
        error={problem}
        errorId={`${id}-problem`}
        confirmLabel={draft.editing ? "Update link" : "Add link"}
        busyLabel="…"
        busy={false}
        onConfirm={apply}
        onCancel={onClose}
      />
    </>
  );
}
