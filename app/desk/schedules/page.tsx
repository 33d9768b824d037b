import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { listUpcomingSchedules } from "@/lib/schedules/list-schedules";

export const metadata: Metadata = { title: "What goes out next" };

/** The newsroom-wide list of what goes out next: every waiting schedule, soonest first, and held ones. */
export default async function SchedulesPage() {
  const actor = await requirePageActor({ permission: "desk:read", callbackPath: "/desk/schedules" });
  const schedules = await listUpcomingSchedules({ actor });
  return (
    <>
      <h1>What goes out next</h1>
      {schedules.length === 0 ? <p className="desk-muted">Nothing is scheduled.</p> : null}
      {schedules.length > 0 ? (
        <div className="desk-table-wrap">
          <table className="desk-table desk-table-stack">
            <thead>
              <tr>
                <th scope="col">Goes live</th>
                <th scope="col">Story</th>
                <th scope="col">Revision</th>
                <th scope="col">Scheduled by</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule) => (
                <tr key={schedule.id}>
                  <td data-label="Goes live">
                    <DeskTime iso={schedule.runAt} />
                  </td>
                  <td data-label="Story">
                    <Link href={`/desk/stories/${schedule.story.slug}`}>
                      {schedule.headline || schedule.story.slug}
                    </Link>
                  </td>
                  <td data-label="Revision">{schedule.revisionNumber}</td>
                  <td data-label="Scheduled by">{schedule.createdBy.name}</td>
                  <td data-label="State">
                    {schedule.state === "held" ? (
                      <>
                        <strong>Held: {schedule.heldReason}</strong>{" "}
                        <Link href={`/desk/stories/${schedule.story.slug}/schedules/${schedule.id}/merge`}>
                          See the merge
                        </Link>
                      </>
                    ) : (
                      "Waiting"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
