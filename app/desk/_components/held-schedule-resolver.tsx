"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";

import { resolveHeldScheduleAction } from "@/app/desk/_actions/resolve-held-schedule-action";
import type { TimeChoice } from "@/app/desk/_actions/time-choices";
import { isAppError } from "@/lib/errors/app-error";
import type { ContentDiff } from "@/lib/revisions/diff/content-diff-types";
import type { ContentMerge, MergeChoice } from "@/lib/revisions/merge/content-merge-types";
import { resolveMerge } from "@/lib/revisions/merge/resolve-merge";
import type { NoteRemoval, PendingChange } from "@/lib/revisions/publication-plan";

import { draftFromContent, emptyContent, type ChangeDraft } from "./editor-draft";
import type { MergeSides } from "./merge-conflict-card";
import { MergeDecisions, openConflicts } from "./merge-decisions";
import { mergePreview } from "./merge-preview";
import { PublishConfirmDialog } from "./publish-confirm-dialog";
import { Refusal } from "./schedule-controls";

type Props = {
  slug: string;
  scheduleId: string;
  merge: ContentMerge;
  changedSince: ContentDiff;
  oursRevision: number;
  theirsRevision: number;
  theirsIsLive: boolean;
  /** Editors and admins; contributors see the merge and nothing to press. */
  canAct: boolean;
  zoneLabel: string;
  /** What readers get with it, as the schedule said: the publish confirmation shows it. */
  change: ChangeDraft;
  pending: PendingChange[];
  /** The story's legal removal count when the page was read: a merge decided before a removal is refused. */
  legalRemovalsSeen: number;
};

type Time = { localTime?: string; fold?: string; runAt?: string };

/**
 * The decisions on a held schedule's merge, then what to do with the merged text: schedule it again (a time
 * in newsroom time, checked as the schedule form checks it) or publish it now (through the publish
 * confirmation). The server recomputes the merge and applies these decisions; a story that moved on meanwhile
 * is refused.
 */
export function HeldScheduleResolver({
  slug,
  scheduleId,
  merge,
  changedSince,
  oursRevision,
  theirsRevision,
  theirsIsLive,
  canAct,
  zoneLabel,
  change,
  pending,
  legalRemovalsSeen,
}: Props) {
  const router = useRouter();
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [localTime, setLocalTime] = useState("");
  const [summary, setSummary] = useState(change.summary);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [timeChoices, setTimeChoices] = useState<TimeChoice[]>([]);
  const open = openConflicts({ merge, choices });
  // What "Publish merged version now" would put out, once every conflict is decided (the button waits for
  // that).
  const merged = useMemo(() => {
    const content = open > 0 ? null : mergePreview({ merge, choices });
    return content ? draftFromContent(content) : null;
  }, [open, merge, choices]);
  const theirsName = theirsIsLive
    ? `live now — revision ${theirsRevision}`
    : `newest — revision ${theirsRevision} (a draft)`;
  const sides: MergeSides = {
    theirs: `The story ${theirsName}`,
    ours: `Scheduled — revision ${oursRevision}`,
    keepTheirs: `Keep the ${theirsIsLive ? "live" : "newest"} version (revision ${theirsRevision})`,
    keepOurs: `Keep the scheduled version (revision ${oursRevision})`,
    bothOrder: "scheduled, then live",
  };

  const submit = async (
    resolution: { action: "schedule"; time: Time } | { action: "publish"; removals: NoteRemoval[] },
  ) => {
    setError(null);
    setTimeChoices([]);
    try {
      resolveMerge({ merge, choices });
    } catch (problem) {
      setError(
        isAppError(problem)
          ? problem.userMessage
          : "These decisions could not be combined. Check each conflict and try again.",
      );
      return;
    }
    setBusy(true);
    try {
      const state = await resolveHeldScheduleAction({
        slug,
        scheduleId,
        resolution: {
          againstRevision: theirsRevision,
          legalRemovalsSeen,
          choices,
          action: resolution.action,
          ...(resolution.action === "schedule" ? resolution.time : { removeNotes: resolution.removals }),
          ...(summary.trim() ? { summary } : {}),
        },
      });
      if (state.status === "success") {
        toast.success(state.message);
        router.push(`/desk/stories/${encodeURIComponent(slug)}`);
        return;
      }
      if (state.status === "error") {
        setConfirming(false);
        setError(state.message);
        setTimeChoices(state.choices ?? []);
      }
    } catch {
      setError("Could not reach the server. Nothing changed; try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="desk-panel desk-merge" aria-labelledby="held-merge-title">
      <h2 id="held-merge-title">Settle the merge</h2>
      <MergeDecisions
        merge={merge}
        changedSince={changedSince}
        sides={sides}
        theirChanges={theirsIsLive ? "the live version's" : "the newest version's"}
        ours="the scheduled version"
        choices={choices}
        onChoose={(id, choice) => setChoices((current) => ({ ...current, [id]: choice }))}
      />
      {canAct ? (
        <form
          className="desk-held-actions"
          aria-label="Schedule or publish the merged version"
          onSubmit={(event) => {
            // Enter in the time or summary field neither schedules nor publishes: each is its own button.
            event.preventDefault();
          }}
        >
          <div className="desk-schedule-form">
            <div className="desk-field desk-field-grow">
              <label htmlFor="held-summary">What changed, for readers</label>
              <input
                id="held-summary"
                type="text"
                value={summary}
                maxLength={300}
                onChange={(event) => setSummary(event.target.value)}
              />
            </div>
            <div className="desk-field">
              <label htmlFor="held-time">Goes live at ({zoneLabel}, newsroom time)</label>
              <input
                id="held-time"
                type="datetime-local"
                required
                value={localTime}
                onChange={(event) => setLocalTime(event.target.value)}
                aria-describedby={error ? "held-error" : undefined}
              />
            </div>
          </div>
          <div className="desk-button-row desk-merge-actions">
            <button
              type="button"
              className="desk-button desk-button-primary"
              disabled={busy || open > 0}
              onClick={() => void submit({ action: "schedule", time: { localTime } })}
            >
              {busy ? "Saving…" : "Schedule merged version"}
            </button>
            <button
              type="button"
              className="desk-button"
              disabled={busy || open > 0}
              onClick={() => setConfirming(true)}
            >
              Publish merged version now…
            </button>
            {open > 0 ? <span className="desk-hint">Decide every conflict first.</span> : null}
          </div>
          <Refusal
            id="held-error"
            error={error}
            choices={timeChoices}
            onChoose={(choice) =>
              void submit({
                action: "schedule",
                time: choice.fold ? { localTime, fold: choice.fold } : { runAt: choice.instant },
              })
            }
          />
          <PublishConfirmDialog
            open={confirming}
            slug={slug}
            content={merged ?? emptyContent}
            idPrefix="held"
            change={{ ...change, summary }}
            pending={pending}
            firstPublication={false}
            nextNumber={theirsRevision + 1}
            minorWarnings={[]}
            busy={busy}
            onConfirm={(removals) => void submit({ action: "publish", removals })}
            onCancel={() => setConfirming(false)}
          />
        </form>
      ) : (
        <div className="desk-notice desk-notice-info">
          <p>Only editors can settle a held schedule. You can read the merge; ask an editor to decide it.</p>
        </div>
      )}
    </section>
  );
}
