"use client";

import type { PendingScheduleBrief } from "@/lib/schedules/pending-schedule-choice";

import type { ScheduleChoice } from "./use-schedule-choice";

type Props = {
  idPrefix: string;
  schedules: PendingScheduleBrief[];
  choice: ScheduleChoice;
  onChange: (choice: ScheduleChoice) => void;
  /** Why publishing without the scheduled changes would be refused; then only including them is offered. */
  leaveRefusal?: string | null;
};

/**
 * Part of the publish confirmation while a schedule waits on the story: which revision, when (newsroom time),
 * by whom and what it changes, then the choice. The default publishes only this change; including the
 * scheduled changes publishes them now and settles the schedule, so it never runs. When the change overlaps
 * the scheduled one, the server would refuse the default, so it is shown disabled with the reason.
 */
export function PendingScheduleChoice({ idPrefix, schedules, choice, onChange, leaveRefusal = null }: Props) {
  if (schedules.length === 0) return null;
  const one = schedules.length === 1;
  const name = `${idPrefix}-schedule-choice`;
  return (
    <div className="desk-notice desk-notice-warn" role="group" aria-labelledby={`${name}-title`}>
      <p id={`${name}-title`}>
        <strong>
          {one
            ? "A scheduled publication is waiting."
            : `${schedules.length} scheduled publications are waiting.`}
        </strong>{" "}
        {one
          ? "Choose whether its changes go out with yours."
          : "Choose whether their changes go out with yours."}
      </p>
      <ul>
        {schedules.map((schedule) => (
          <li key={schedule.id}>
            Revision {schedule.revisionNumber}, scheduled by {schedule.scheduledBy.name} for{" "}
            <time dateTime={schedule.runAt}>{schedule.runAtLabel}</time>. It changes:
            <ul>
              {schedule.changeLines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <fieldset className="desk-merge-choices">
        <legend className="visually-hidden">What happens to the scheduled changes</legend>
        <label className="desk-radio">
          <input
            type="radio"
            name={name}
            value="leave"
            checked={choice === "leave"}
            disabled={leaveRefusal !== null}
            onChange={() => onChange("leave")}
          />
          Publish only my change;{" "}
          {one ? "the schedule goes out at its time" : "the schedules go out at their times"}
        </label>
        <label className="desk-radio">
          <input
            type="radio"
            name={name}
            value="include"
            checked={choice === "include"}
            onChange={() => onChange("include")}
          />
          Include the scheduled changes now (
          {one ? "the schedule will not run" : "the schedules will not run"})
        </label>
      </fieldset>
      {leaveRefusal ? (
        <p className="desk-error" role="alert">
          {leaveRefusal}
        </p>
      ) : null}
    </div>
  );
}
