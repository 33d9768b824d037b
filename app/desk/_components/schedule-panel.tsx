import Link from "next/link";

import { DeskTime } from "@/app/_components/desk-time";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { newsroomClock } from "@/lib/editorial/newsroom-time";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { readEmbargo } from "@/lib/schedules/lift-embargo";
import { listStorySchedules } from "@/lib/schedules/list-schedules";
import { listSchedulableRevisions } from "@/lib/schedules/schedulable-revisions";
import type { ScheduleDto } from "@/lib/schedules/schedule-dto";

import { EmbargoControls, ScheduleRowControls } from "./schedule-controls";
import { ScheduleForm } from "./schedule-form";

const stateLabels: Record<ScheduleDto["state"], string> = {
  pending: "Waiting",
  done: "Published",
  held: "Held",
  cancelled: "Cancelled",
  resolved: "Held, resolved",
};

/** A held schedule's "why": the reason, and the way into its merge view (to read it, or to settle it). */
function HeldReason({
  slug,
  schedule,
  mayChange,
}: {
  slug: string;
  schedule: ScheduleDto;
  mayChange: boolean;
}) {
  return (
    <div className="desk-notice desk-notice-warn">
      <p>{schedule.heldReason}</p>
      <Link
        className="desk-button desk-button-small"
        href={`/desk/stories/${encodeURIComponent(slug)}/schedules/${schedule.id}/merge`}
      >
        {mayChange ? "Resolve the merge" : "See the merge"}
      </Link>
    </div>
  );
}

/**
 * The story page's schedule and embargo section. Everyone on the desk sees it; only roles that may schedule
 * get the controls. Times are printed and typed in newsroom time.
 */
export async function SchedulePanel({
  actor,
  slug,
  latestRevision,
  released,
}: {
  actor: Actor;
  slug: string;
  latestRevision: number;
  released: boolean;
}) {
  const mayChange = can({ actor, permission: "schedule:manage" });
  const [schedules, embargoUntil, drafts] = await Promise.all([
    listStorySchedules({ actor, slug }),
    readEmbargo({ actor, slug }),
    mayChange ? listSchedulableRevisions({ actor, slug }) : null,
  ]);
  const { timeZone } = newsroomSettings();
  const zoneLabel = newsroomClock({ instant: new Date(), zone: timeZone }).zoneLabel;
  return (
    <section className="desk-schedules" aria-labelledby="schedules-title">
      {embargoUntil ? (
        <div className="desk-notice desk-notice-bad" role="status">
          <p>
            <span className="desk-badge desk-badge-embargoed">Embargoed</span> Nothing of this story is public
            until <DeskTime iso={embargoUntil.toISOString()} />.
          </p>
        </div>
      ) : null}
      <h2 id="schedules-title">Scheduled publishing</h2>
      {schedules.length === 0 ? <p className="desk-muted">Nothing scheduled.</p> : null}
      <ul className="desk-schedule-list">
        {schedules.map((schedule) => (
          <li key={schedule.id} data-schedule-state={schedule.state}>
            <span className={`desk-badge desk-badge-schedule-${schedule.state}`}>
              {stateLabels[schedule.state]}
            </span>{" "}
            Revision {schedule.revisionNumber} at <DeskTime iso={schedule.runAt} /> · by{" "}
            {schedule.createdBy.name}
            {schedule.state === "done" && schedule.ranAt ? (
              <span>
                {" "}
                · went out <DeskTime iso={schedule.ranAt} relative={false} />
                {/* Settled by a publish that included it before its time (lib/schedules/pending-schedule-choice.ts). */}
                {schedule.resolvedBy
                  ? ` as revision ${schedule.publishedNumber}, published early by ${schedule.resolvedBy.name}`
                  : null}
                {schedule.late ? <strong> (late)</strong> : null}
              </span>
            ) : null}
            {schedule.state === "held" ? (
              <HeldReason slug={slug} schedule={schedule} mayChange={mayChange} />
            ) : null}
            {schedule.state === "resolved" ? (
              <span>
                {" "}
                · merged as revision {schedule.resolvedNumber} and{" "}
                {schedule.supersededById ? "scheduled again" : "published"}
                {schedule.resolvedBy ? ` by ${schedule.resolvedBy.name}` : ""}{" "}
                <Link href={`/desk/stories/${encodeURIComponent(slug)}/schedules/${schedule.id}/merge`}>
                  why it was held
                </Link>
              </span>
            ) : null}
            {schedule.state === "pending" && mayChange ? (
              <ScheduleRowControls slug={slug} scheduleId={schedule.id} />
            ) : null}
          </li>
        ))}
      </ul>
      {/* Keyed by the newest revision: after "Save draft" the list and its preselected draft are the new ones. */}
      {drafts ? (
        <ScheduleForm key={latestRevision} slug={slug} zoneLabel={zoneLabel} drafts={drafts} />
      ) : null}
      {/* A story readers have seen cannot be embargoed; one under embargo can have it moved or lifted. */}
      {can({ actor, permission: "embargo:manage" }) && (!released || embargoUntil) ? (
        <EmbargoControls slug={slug} embargoed={embargoUntil !== null} zoneLabel={zoneLabel} />
      ) : null}
    </section>
  );
}
