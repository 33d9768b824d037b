"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";

import {
  cancelScheduleAction,
  embargoStoryAction,
  liftEmbargoAction,
  rescheduleAction,
} from "@/app/desk/_actions/schedule-actions";
import type { TimeChoice } from "@/app/desk/_actions/time-choices";

type Result = Awaited<ReturnType<typeof rescheduleAction>>;

/** Runs one schedule action: the server's sentence inline and as a toast; choices for a refused time. */
function useScheduleAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<TimeChoice[]>([]);
  const run = async (action: () => Promise<Result>): Promise<boolean> => {
    setPending(true);
    setError(null);
    setChoices([]);
    try {
      const state = await action();
      if (state.status === "success") {
        toast.success(state.message);
        router.refresh();
        return true;
      }
      if (state.status === "error") {
        setError(state.message);
        setChoices(state.choices ?? []);
      }
    } catch {
      setError("Could not reach the server. Nothing changed; try again.");
    } finally {
      setPending(false);
    }
    return false;
  };
  return { pending, error, choices, run };
}

/** A refused time, and its choices as buttons (the spring-forward gap, the fall-back hour). */
export function Refusal({
  id,
  error,
  choices,
  onChoose,
}: {
  id: string;
  error: string | null;
  choices: TimeChoice[];
  onChoose: (choice: TimeChoice) => void;
}) {
  if (!error) return null;
  return (
    <div className="desk-error" id={id} role="alert">
      <p>{error}</p>
      {choices.length > 0 ? (
        <div className="desk-button-row">
          {choices.map((choice) => (
            <button
              key={choice.instant}
              type="button"
              className="desk-button desk-button-small"
              onClick={() => onChoose(choice)}
            >
              Use {choice.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Reschedule and cancel, for a waiting schedule (editors and admins; contributors only see the list). */
export function ScheduleRowControls({ slug, scheduleId }: { slug: string; scheduleId: string }) {
  const [localTime, setLocalTime] = useState("");
  const { pending, error, choices, run } = useScheduleAction();
  const move = (time: { localTime?: string; fold?: string; runAt?: string }) =>
    void run(() => rescheduleAction({ slug, scheduleId, time }));
  return (
    <div className="desk-button-row">
      <label className="visually-hidden" htmlFor={`reschedule-${scheduleId}`}>
        New time
      </label>
      <input
        id={`reschedule-${scheduleId}`}
        type="datetime-local"
        value={localTime}
        onChange={(event) => setLocalTime(event.target.value)}
      />
      <button
        type="button"
        className="desk-button desk-button-small"
        disabled={pending || !localTime}
        onClick={() => move({ localTime })}
      >
        Reschedule
      </button>
      <button
        type="button"
        className="desk-button desk-button-small desk-button-danger"
        disabled={pending}
        onClick={() => void run(() => cancelScheduleAction({ slug, scheduleId }))}
      >
        Cancel schedule
      </button>
      <Refusal
        id={`reschedule-error-${scheduleId}`}
        error={error}
        choices={choices}
        onChoose={(choice) =>
          move(choice.fold ? { localTime, fold: choice.fold } : { runAt: choice.instant })
        }
      />
    </div>
  );
}

/** Put under embargo / move it, or lift it early with a reason (an explicit, recorded act). */
export function EmbargoControls({
  slug,
  embargoed,
  zoneLabel,
}: {
  slug: string;
  embargoed: boolean;
  zoneLabel: string;
}) {
  const [localTime, setLocalTime] = useState("");
  const [reason, setReason] = useState("");
  const { pending, error, choices, run } = useScheduleAction();
  const place = (time: { localTime?: string; fold?: string; runAt?: string }) =>
    void run(() => embargoStoryAction({ slug, embargo: time }));
  return (
    <div className="desk-embargo-controls">
      <div className="desk-button-row">
        <label htmlFor="embargo-time">
          {embargoed ? "Move embargo to" : "Embargo until"} ({zoneLabel})
        </label>
        <input
          id="embargo-time"
          type="datetime-local"
          value={localTime}
          onChange={(event) => setLocalTime(event.target.value)}
        />
        <button
          type="button"
          className="desk-button desk-button-small"
          disabled={pending || !localTime}
          onClick={() => place({ localTime })}
        >
          {embargoed ? "Move embargo" : "Embargo"}
        </button>
      </div>
      {embargoed ? (
        <div className="desk-button-row">
          <label htmlFor="embargo-reason">Reason for lifting early</label>
          <input
            id="embargo-reason"
            value={reason}
            maxLength={1000}
            onChange={(event) => setReason(event.target.value)}
          />
          <button
            type="button"
            className="desk-button desk-button-small desk-button-danger"
            disabled={pending}
            onClick={() => void run(() => liftEmbargoAction({ slug, embargo: { reason } }))}
          >
            Lift embargo now
          </button>
        </div>
      ) : null}
      <Refusal
        id="embargo-error"
        error={error}
        choices={choices}
        onChoose={(choice) =>
          place(choice.fold ? { localTime, fold: choice.fold } : { runAt: choice.instant })
        }
      />
    </div>
  );
}
