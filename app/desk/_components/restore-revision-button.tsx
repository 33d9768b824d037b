"use client";

import { useRef, useState } from "react";

import { previewRestoreScheduleAction } from "@/app/desk/_actions/pending-schedules-action";
import { previewRestoreAction, restoreRevisionAction } from "@/app/desk/_actions/restore-revision-action";
import type { RestoreReverts } from "@/lib/revisions/restore-reverts";
import type { PendingScheduleBrief } from "@/lib/schedules/pending-schedule-choice";

import { DialogFooter } from "./dialog-footer";
import { keyFor } from "./idempotency-key";
import { PendingScheduleChoice } from "./pending-schedule-choice";
import { useDialogAction } from "./use-dialog-action";
import type { ScheduleChoice } from "./use-schedule-choice";

const noteLabels = {
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor’s note",
} as const;

type Props = { slug: string; number: number; latest: number; storyIsLive: boolean; storyIsPulled: boolean };

/**
 * Restore with a confirmation dialog: it makes a new revision with the old content; nothing is deleted. When
 * the restore would bring back what a published correction fixed (or the "Developing" label), the dialog
 * names each one and the restore waits for a deliberate "undo them" tick. A restore that publishes while a
 * schedule waits says, like any publish, whether the scheduled changes go out with it.
 */
export function RestoreRevisionButton({ slug, number, latest, storyIsLive, storyIsPulled }: Props) {
  const { dialog, pending, error, run } = useDialogAction({
    unreachableMessage: "Could not reach the server. Nothing was restored; try again.",
  });
  const [summary, setSummary] = useState("");
  const [publish, setPublish] = useState(storyIsLive);
  const [reverts, setReverts] = useState<RestoreReverts | null>(null);
  const [checkFailed, setCheckFailed] = useState<string | null>(null);
  const [undoConfirmed, setUndoConfirmed] = useState(false);
  const [schedules, setSchedules] = useState<{
    schedules: PendingScheduleBrief[];
    leaveRefusal: string | null;
  } | null>(null);
  const [scheduleChoice, setScheduleChoice] = useState<ScheduleChoice>("leave");
  const key = useRef({ payload: "", key: "" });
  const id = `restore-${number}`;
  const reverting = reverts !== null && (reverts.corrections.length > 0 || reverts.reopensDeveloping);

  const open = async () => {
    setReverts(null);
    setCheckFailed(null);
    setUndoConfirmed(false);
    setSchedules(null);
    setScheduleChoice("leave");
    dialog.current?.showModal();
    try {
      const [state, waiting] = await Promise.all([
        previewRestoreAction({ slug, number }),
        previewRestoreScheduleAction({ slug, number }),
      ]);
      if (state.status === "error") setCheckFailed(state.message);
      else if (waiting.status === "error") setCheckFailed(waiting.message);
      else if (state.status === "success" && waiting.status === "success") {
        setReverts(state.result);
        setSchedules(waiting.result);
      }
    } catch {
      setCheckFailed("Could not reach the server to check what this restore would undo; try again.");
    }
  };

  const publishes = publish && !storyIsPulled;
  const confirm = () => {
    const options = {
      ...(summary.trim() ? { summary: summary.trim() } : {}),
      publish: publishes,
      ...(publishes && schedules?.schedules.length
        ? {
            pendingSchedules: {
              ids: schedules.schedules.map((schedule) => schedule.id),
              choice: scheduleChoice,
            },
          }
        : {}),
      ...(reverting && undoConfirmed
        ? {
            confirmReverts: {
              corrections: reverts.corrections.map((item) => item.revision),
              developing: reverts.reopensDeveloping,
            },
          }
        : {}),
    };
    return run(() =>
      restoreRevisionAction({ slug, number, idempotencyKey: keyFor(key, { number, options }), options }),
    );
  };

  return (
    <>
      <button type="button" className="desk-button desk-button-small" onClick={() => void open()}>
        Restore…
      </button>
      <dialog ref={dialog} className="desk-dialog desk-dialog-wide" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Restore revision {number}?</h2>
        <p>
          This saves a new revision {latest + 1} with the content of revision {number}. Every revision in
          between stays in the history.
        </p>
        {reverting ? (
          <div className="desk-notice desk-notice-warn desk-restore-reverts" role="alert">
            <p>
              <strong>This restore takes back published fixes.</strong> Readers would get the old text again,
              under the notes that say it was fixed:
            </p>
            <ul>
              {reverts.corrections.map((item) => (
                <li key={`${item.revision}-${item.note}`}>
                  {noteLabels[item.kind]} (revision {item.revision}): “{item.note}”
                </li>
              ))}
              {reverts.reopensDeveloping ? (
                <li>The “Developing” label comes back on a story declared final.</li>
              ) : null}
            </ul>
            <label className="desk-check">
              <input
                type="checkbox"
                checked={undoConfirmed}
                onChange={(event) => setUndoConfirmed(event.target.checked)}
              />
              Undo {reverts.corrections.length + (reverts.reopensDeveloping ? 1 : 0) === 1 ? "it" : "them"}: I
              mean to restore the old text
            </label>
          </div>
        ) : null}
        {checkFailed ? (
          <p className="desk-error" role="alert">
            {checkFailed}
          </p>
        ) : null}
        <div className="desk-field">
          <label htmlFor={`${id}-summary`}>Public summary (optional)</label>
          <input
            id={`${id}-summary`}
            type="text"
            maxLength={500}
            placeholder="An earlier version of this story was restored."
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
          />
          <p className="desk-hint">Readers see it in the change log once the restore is published.</p>
        </div>
        {storyIsPulled ? (
          <p className="desk-hint">The story is unpublished: the restore is saved as a draft.</p>
        ) : (
          <label className="desk-check">
            <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} />
            Publish it now (readers see it at once)
          </label>
        )}
        {publishes && schedules ? (
          <PendingScheduleChoice
            idPrefix={id}
            schedules={schedules.schedules}
            choice={scheduleChoice}
            onChange={setScheduleChoice}
            leaveRefusal={schedules.leaveRefusal}
          />
        ) : null}
        <DialogFooter
          error={error}
          confirmLabel={`Restore revision ${number}`}
          busyLabel="Restoring…"
          busy={pending}
          confirmDisabled={
            reverts === null ||
            schedules === null ||
            (reverting && !undoConfirmed) ||
            (publishes && scheduleChoice === "leave" && schedules.leaveRefusal !== null)
          }
          onConfirm={() => void confirm()}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  );
}
