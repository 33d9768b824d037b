"use client";

import type { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";
import type { PendingScheduleBrief } from "@/lib/schedules/pending-schedule-choice";

export type ScheduleChoice = PendingSchedulesInput["choice"];

type Props = {
  idPrefix: string;
  schedules: PendingScheduleBrief[];
  choice: ScheduleChoice;
  onChange: (choice: ScheduleChoice) => void;
};

/** The field a publish sends while schedules wait: every one the publisher was shown, and their choice. */
export function pendingSchedulesField(options: { schedules: PendingScheduleBrief[]; choice: ScheduleChoice }): PendingSchedulesInput | undefined {
  return options.schedules.length > 0 ? { ids: options.schedules.map((schedule) => schedule.id), choice: options.choice } : undefined;
}

/**
 * Part of the publish confirmation while a schedule waits on the story: which revision, when (newsroom time), by
 * whom and what it changes, then the choice. The default publishes only this change; including the scheduled
 * changes publishes them now and settles the schedule, so it never runs.
 */
export function PendingScheduleChoice({ idPrefix, schedules, choice, onChange }: Props) {
  if (schedules.length === 0) return null;
  const one = schedules.length === 1;
  const name = `${idPrefix}-schedule-choice`;
  return (
    <div className="desk-notice desk-notice-warn" role="group" aria-labelledby={`${name}-title`}>
      <p id={`${name}-title`}>
        <strong>{one ? "A scheduled publication is waiting." : `${schedules.length} scheduled publications are waiting.`}</strong>{" "}
        {one ? "Choose whether its changes go out with yours." : "Choose whether their changes go out with yours."}
      </p>
      <ul>
        {schedules.map((schedule) => (
          <li key={schedule.id}>
            Revision {schedule.revisionNumber}, scheduled by {schedule.scheduledBy.name} for <time dateTime={schedule.runAt}>{schedule.runAtLabel}</time>. It changes:
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
          <input type="radio" name={name} value="leave" checked={choice === "leave"} onChange={() => onChange("leave")} />
          Publish only my change; {one ? "the schedule goes out at its time" : "the schedules go out at their times"}
        </label>
        <label className="desk-radio">
          <input type="radio" name={name} value="include" checked={choice === "include"} onChange={() => onChange("include")} />
          Include the scheduled changes now ({one ? "the schedule will not run" : "the schedules will not run"})
        </label>
      </fieldset>
    </div>
  );
}
