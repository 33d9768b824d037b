import { DeskTime } from "@/app/_components/desk-time";
import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import type { StatusEventDto } from "@/lib/stories/story-status";

const actionLabels: Record<StatusEventDto["action"], string> = {
  publish: "Published",
  unpublish: "Unpublished quietly",
  withdraw: "Withdrawn with a note to readers",
  republish: "Republished",
  schedule: "Scheduled to publish",
  reschedule: "Rescheduled",
  cancel_schedule: "Schedule cancelled",
  hold_schedule: "Scheduled publish held",
  resolve_schedule: "Held schedule resolved",
  embargo: "Embargoed",
  lift_embargo: "Embargo lifted",
};

/** The story's status history on the desk: who took it down or put it back, when, and why. */
export function StatusHistory({ events }: { events: StatusEventDto[] }) {
  if (events.length === 0) return null;
  return (
    <section className="desk-status-history" aria-labelledby="status-history-title">
      <h2 id="status-history-title">Status history</h2>
      <ol className="desk-status-events">
        {events.map((event) => (
          <li key={`${event.createdAt}-${event.action}`}>
            <strong>{actionLabels[event.action]}</strong>
            {event.revisionNumber !== null ? (
              <span className="desk-muted"> (revision {event.revisionNumber})</span>
            ) : null}{" "}
            · <DeskTime iso={event.createdAt} /> · {event.actor.name}
            {event.publicNote ? (
              <p>
                <span className="desk-muted">Note to readers:</span>{" "}
                <RemovalMarkedText text={event.publicNote} />
              </p>
            ) : null}
            {event.reason ? (
              <p>
                <span className="desk-muted">
                  {event.action === "publish" ||
                  event.action.includes("schedule") ||
                  event.action.includes("embargo")
                    ? "Detail:"
                    : "Reason (internal):"}
                </span>{" "}
                <RemovalMarkedText text={event.reason} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
