"use client";

import { useMemo } from "react";

import type { TimeChoice } from "@/app/desk/_actions/time-choices";
import { isNoteKind } from "@/lib/revisions/publication-plan";
import { picturesMissingAlt } from "@/lib/revisions/publication-requirements";
import type { SchedulableRevision } from "@/lib/schedules/schedulable-revisions";

import { DialogFooter } from "./dialog-footer";
import { missingFields, MissingItems } from "./missing-items";
import { OutgoingChanges } from "./outgoing-changes";
import { byName } from "./outgoing-content";
import { Refusal } from "./schedule-controls";
import { useModal } from "./use-modal";
import { useOutgoing } from "./use-outgoing";

type Props = {
  slug: string;
  /** The revision chosen and the time the server read from what was typed; null while closed. */
  pick: { draft: SchedulableRevision; label: string } | null;
  summary: string;
  busy: boolean;
  error: string | null;
  choices: TimeChoice[];
  onChoose: (choice: TimeChoice) => void;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * The step before a schedule is written, as for publishing: what goes out (against what readers have now,
 * with who wrote each change), at what newsroom time, and anything that would make the run fail. Only the
 * button schedules.
 */
export function ScheduleConfirmDialog({
  slug,
  pick,
  summary,
  busy,
  error,
  choices,
  onChoose,
  onConfirm,
  onCancel,
}: Props) {
  const open = pick !== null;
  const dialog = useModal(open);
  const outgoing = useOutgoing({ slug, open });

  const ready = outgoing.status === "ready" ? outgoing.outgoing : null;
  const number = pick?.draft.number ?? null;
  const chosen = useMemo(
    () => ready?.drafts.find((draft) => draft.number === number) ?? null,
    [ready, number],
  );
  const goesOut = useMemo(() => (chosen ? byName(chosen.content) : null), [chosen]);
  // The run publishes through the publish path, which refuses a photo without alt text: say so now, not at
  // the run.
  const missing = missingFields({
    items: chosen ? picturesMissingAlt(chosen.content) : [],
    imageKeys: [],
  });
  const printsNote =
    ready?.drafts.some((draft) => number !== null && draft.number <= number && isNoteKind(draft.kind)) ??
    false;

  return (
    <dialog
      ref={dialog}
      className="desk-dialog desk-dialog-wide desk-dialog-confirm"
      aria-labelledby="schedule-confirm-title"
      onClose={onCancel}
    >
      {pick ? (
        <>
          <h2 id="schedule-confirm-title">Schedule revision {pick.draft.number}?</h2>
          <p>
            It goes live at <strong>{pick.label}</strong> (newsroom time). Readers keep the version they have
            until then.
          </p>
          <dl className="desk-publication-facts">
            <div>
              <dt>Revision</dt>
              <dd>
                {pick.draft.number}, draft by {pick.draft.authorName}, saved {pick.draft.savedAt}
              </dd>
            </div>
            <div>
              <dt>What changed, for readers</dt>
              <dd>
                {summary.trim()
                  ? `“${summary.trim()}”`
                  : pick.draft.summary
                    ? `The draft’s own: “${pick.draft.summary}”`
                    : "None"}
              </dd>
            </div>
          </dl>
          {missing.length > 0 ? (
            <>
              <MissingItems items={missing} onGoTo={null} />
              <p className="desk-hint">Fix it in the editor and save a draft, then schedule that draft.</p>
            </>
          ) : null}
          {goesOut && ready ? (
            <OutgoingChanges
              outgoing={ready}
              goesOut={goesOut}
              throughRevision={pick.draft.number}
              fromForm={false}
              printsNote={printsNote}
            />
          ) : outgoing.status === "error" ? (
            <p className="desk-error" role="alert">
              {outgoing.message}
            </p>
          ) : outgoing.status === "ready" ? (
            <p className="desk-error" role="alert">
              Revision {pick.draft.number} is no longer waiting to go out (it was published or a newer draft
              replaced it). Close this and choose again.
            </p>
          ) : (
            <p className="desk-muted" role="status">
              Comparing with what readers have…
            </p>
          )}
          <Refusal
            id="schedule-confirm-error"
            error={choices.length > 0 ? error : null}
            choices={choices}
            onChoose={onChoose}
          />
          <DialogFooter
            error={choices.length > 0 ? null : error}
            confirmLabel="Schedule"
            busyLabel="Scheduling…"
            busy={busy}
            confirmDisabled={!goesOut || missing.length > 0}
            onConfirm={onConfirm}
            onCancel={onCancel}
          />
        </>
      ) : null}
    </dialog>
  );
}
