"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";

import { previewScheduleTimeAction, scheduleRevisionAction } from "@/app/desk/_actions/schedule-actions";
import type { TimeChoice } from "@/app/desk/_actions/time-choices";
import type { SchedulableRevision } from "@/lib/schedules/schedulable-revisions";

import { revisionKindLabels } from "./revision-kind-badge";
import { ScheduleConfirmDialog } from "./schedule-confirm-dialog";
import { Refusal } from "./schedule-controls";

type Time = { localTime?: string; fold?: string; runAt?: string };
type Answer = { status: "success" | "error" | "idle"; message?: string; choices?: TimeChoice[] };

function draftLabel(draft: SchedulableRevision): string {
  const base = `Revision ${draft.number} · ${revisionKindLabels[draft.kind]} · ${draft.authorName}, ${draft.savedAt}`;
  return draft.alreadyScheduled ? `${base} (already scheduled)` : base;
}

/**
 * "Schedule a draft at …" in newsroom time. The draft is chosen from the list (the newest preselected); the
 * time is read by the server, then the confirmation shows what goes out and when. Enter in a field never
 * schedules.
 */
export function ScheduleForm({
  slug,
  zoneLabel,
  drafts,
}: {
  slug: string;
  zoneLabel: string;
  drafts: SchedulableRevision[];
}) {
  const router = useRouter();
  const [revision, setRevision] = useState(drafts.find((draft) => !draft.alreadyScheduled)?.number ?? null);
  const [localTime, setLocalTime] = useState("");
  const [summary, setSummary] = useState("");
  const [time, setTime] = useState<Time | null>(null);
  const [pick, setPick] = useState<{ draft: SchedulableRevision; label: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{
    where: "form" | "dialog";
    message: string;
    choices: TimeChoice[];
  } | null>(null);
  const chosen = drafts.find((draft) => draft.number === revision) ?? null;

  const ask = async (where: "form" | "dialog", action: () => Promise<Answer>): Promise<Answer | null> => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await action();
      if (answer.status === "error")
        setProblem({ where, message: answer.message ?? "", choices: answer.choices ?? [] });
      return answer;
    } catch {
      setProblem({
        where,
        message: "Could not reach the server. Nothing was scheduled; try again.",
        choices: [],
      });
      return null;
    } finally {
      setBusy(false);
    }
  };

  // Reads the time on the server (its clock, the newsroom's zone), then opens the confirmation.
  const review = async (next: Time) => {
    if (!chosen) return;
    const answer = await ask("form", () => previewScheduleTimeAction({ slug, time: next }));
    if (answer?.status !== "success" || !answer.message) return;
    setTime(next);
    setPick({ draft: chosen, label: answer.message });
  };

  const schedule = async (at: Time) => {
    if (!pick) return;
    const answer = await ask("dialog", () =>
      scheduleRevisionAction({
        slug,
        schedule: { revision: pick.draft.number, ...at, ...(summary.trim() ? { summary } : {}) },
      }),
    );
    if (answer?.status !== "success") return;
    toast.success(answer.message ?? "Scheduled.");
    setPick(null);
    setLocalTime("");
    setSummary("");
    router.refresh();
  };

  if (drafts.length === 0) {
    return (
      <p className="desk-muted desk-schedule-empty">
        Nothing to schedule: readers already have the newest revision. Save a draft, then schedule it here.
      </p>
    );
  }
  return (
    <form
      className="desk-schedule-form"
      aria-label="Schedule a revision"
      onSubmit={(event) => {
        // Enter in a field never schedules: scheduling is the button, then its confirmation.
        event.preventDefault();
      }}
    >
      <div className="desk-field desk-field-grow">
        <label htmlFor="schedule-revision">Draft to schedule</label>
        <select
          id="schedule-revision"
          value={revision ?? ""}
          onChange={(event) => setRevision(Number(event.target.value))}
        >
          {drafts.map((draft) => (
            <option key={draft.number} value={draft.number} disabled={draft.alreadyScheduled}>
              {draftLabel(draft)}
            </option>
          ))}
        </select>
      </div>
      <div className="desk-field">
        <label htmlFor="schedule-time">Goes live at ({zoneLabel}, newsroom time)</label>
        <input
          id="schedule-time"
          type="datetime-local"
          value={localTime}
          onChange={(event) => setLocalTime(event.target.value)}
          aria-describedby={problem?.where === "form" ? "schedule-error" : undefined}
        />
      </div>
      <div className="desk-field desk-field-grow">
        <label htmlFor="schedule-summary">What changed, for readers</label>
        <input
          id="schedule-summary"
          value={summary}
          maxLength={300}
          onChange={(event) => setSummary(event.target.value)}
        />
      </div>
      <button
        type="button"
        className="desk-button desk-button-primary"
        disabled={busy || !chosen || chosen.alreadyScheduled || !localTime}
        onClick={() => void review({ localTime })}
      >
        {busy && !pick ? "Checking…" : "Schedule…"}
      </button>
      <Refusal
        id="schedule-error"
        error={problem?.where === "form" ? problem.message : null}
        choices={problem?.where === "form" ? problem.choices : []}
        onChoose={(choice) =>
          void review(choice.fold ? { localTime, fold: choice.fold } : { runAt: choice.instant })
        }
      />
      <ScheduleConfirmDialog
        slug={slug}
        pick={pick}
        summary={summary}
        busy={busy}
        error={problem?.where === "dialog" ? problem.message : null}
        choices={problem?.where === "dialog" ? problem.choices : []}
        onChoose={(choice) =>
          void schedule(choice.fold ? { localTime, fold: choice.fold } : { runAt: choice.instant })
        }
        onConfirm={() => time && void schedule(time)}
        onCancel={() => {
          setPick(null);
          setProblem(null);
        }}
      />
    </form>
  );
}
