"use client";

import { useMemo, useState } from "react";

import type { RevisionContent } from "@/lib/revisions/revision-content";
import { leaveRefusal, leaveScheduledOut } from "@/lib/schedules/leave-scheduled-out";
import type { PendingScheduleBrief } from "@/lib/schedules/pending-schedule-choice";
import type { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";

import { byName } from "./outgoing-content";
import type { OutgoingState } from "./use-outgoing";

export type ScheduleChoice = PendingSchedulesInput["choice"];

export type ScheduleChoiceState = {
  schedules: PendingScheduleBrief[];
  choice: ScheduleChoice;
  setChoice: (choice: ScheduleChoice) => void;
  /**
   * What goes out given the choice (credits keyed by name); null while reading, or when "leave" is refused.
   */
  goesOut: RevisionContent | null;
  /** Why the server would refuse "leave", in the words it would use; only "include" is then offered. */
  leaveRefusal: string | null;
  /** The field the publish sends: every schedule the publisher was shown, and their choice. */
  field: PendingSchedulesInput | undefined;
};

/**
 * The pending-schedule choice of a publish confirmation and what it means for readers. With "leave" what goes
 * out is the publisher's content minus the scheduled changes, computed with the merge the publish itself runs
 * (lib/schedules/leave-scheduled-out.ts) on the sides the confirmation's fresh read returned; with "include"
 * it is the publisher's content as it is.
 */
export function useScheduleChoice(options: {
  outgoing: OutgoingState;
  ours: RevisionContent | null;
}): ScheduleChoiceState {
  const { outgoing, ours } = options;
  const [choice, setChoice] = useState<ScheduleChoice>("leave");
  const ready = outgoing.status === "ready" ? outgoing.outgoing : null;
  const schedules = useMemo(() => ready?.pendingSchedules ?? [], [ready]);
  const leave = useMemo(() => {
    if (!ready?.leaveOut || !ours) return null;
    const { scheduledNumber, scheduled, without } = ready.leaveOut;
    const left = leaveScheduledOut({
      scheduled: byName(scheduled),
      ours,
      without: without ? byName(without) : null,
    });
    return {
      content: left.status === "merged" ? left.content : null,
      refusal: leaveRefusal({ outcome: left, scheduledNumber }),
    };
  }, [ready, ours]);
  const leaving = choice === "leave" && leave !== null;
  return {
    schedules,
    choice,
    setChoice,
    goesOut: leaving ? leave.content : ours,
    leaveRefusal: leave?.refusal ?? null,
    field: schedules.length > 0 ? { ids: schedules.map((schedule) => schedule.id), choice } : undefined,
  };
}
