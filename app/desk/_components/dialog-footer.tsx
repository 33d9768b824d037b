"use client";

type Props = {
  error: string | null;
  errorId?: string;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  // Beyond busy: the dialog's own reasons to hold the confirm button (a required tick, a plan still loading).
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The end of every confirm dialog on the desk: what went wrong, then confirm and cancel. */
export function DialogFooter({
  error,
  errorId,
  confirmLabel,
  busyLabel,
  busy,
  confirmDisabled,
  onConfirm,
  onCancel,
}: Props) {
  return (
    <>
      {error ? (
        <p className="desk-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <div className="desk-button-row desk-dialog-actions">
        <button
          type="button"
          className="desk-button desk-button-primary"
          disabled={busy || confirmDisabled}
          onClick={onConfirm}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="desk-button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
