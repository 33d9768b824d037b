import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import type { LegalRemovalRequestDto } from "@/lib/legal-removals/legal-removal-dto";
import { listLegalRemovals } from "@/lib/legal-removals/list-legal-removals";

import { RemovalStateBadge } from "./removal-state-badge";
import { removalItemCount } from "./removal-words";

import "./removals.css";

export const metadata: Metadata = { title: "Legal removals" };

export default async function RemovalsPage() {
  const actor = await requirePageActor({ permission: "legal:remove", callbackPath: "/desk/removals" });
  const requests = await listLegalRemovals({ actor });
  const waiting = requests.filter((request) => request.waitingForYou);
  const yours = requests.filter((request) => request.state === "pending" && !request.waitingForYou);
  const decided = requests.filter((request) => request.state !== "pending");

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>Legal removals</h1>
          <p className="desk-lede">
            Text, photos or a contributor’s name taken out of every stored copy of a story, on legal advice.
            An admin asks on the story’s page (“Legal removal…”); another admin approves before anything is
            removed.
          </p>
        </div>
      </div>
      <RemovalTable
        id="waiting"
        title={`Waiting for you (${waiting.length})`}
        empty="Nothing waits for you. Requests by other admins appear here until one of you decides."
        requests={waiting}
      />
      <RemovalTable
        id="yours"
        title={`You asked, waiting for another admin (${yours.length})`}
        empty="You have no request waiting."
        requests={yours}
      />
      <RemovalTable id="decided" title={`Decided (${decided.length})`} empty="None yet." requests={decided} />
    </>
  );
}

function RemovalTable(props: {
  id: string;
  title: string;
  empty: string;
  requests: LegalRemovalRequestDto[];
}) {
  const heading = `${props.id}-heading`;
  return (
    <section className="desk-review-section" aria-labelledby={heading}>
      <h2 id={heading}>{props.title}</h2>
      {props.requests.length === 0 ? (
        <div className="desk-panel">
          <p>{props.empty}</p>
        </div>
      ) : (
        <div className="desk-table-wrap">
          <table className="desk-table desk-table-stack" aria-labelledby={heading}>
            <thead>
              <tr>
                <th scope="col">Removal</th>
                <th scope="col">State</th>
                <th scope="col">Asked by</th>
                <th scope="col">Decided</th>
              </tr>
            </thead>
            <tbody>
              {props.requests.map((request) => (
                <tr key={request.number}>
                  <td className="desk-table-headline">
                    <Link href={`/desk/removals/${request.number}`}>
                      Removal {request.number}: {request.headline}
                    </Link>
                    <div className="desk-muted desk-small">
                      <span className="desk-mono">{request.slug}</span> ·{" "}
                      {removalItemCount(request.items.length)}
                    </div>
                  </td>
                  <td data-label="State">
                    <RemovalStateBadge state={request.state} />
                  </td>
                  <td data-label="Asked by" className="desk-small">
                    {request.requestedBy.name}, <DeskTime iso={request.requestedAt} relative={false} />
                  </td>
                  <td data-label="Decided" className="desk-small">
                    {request.decidedBy && request.decidedAt ? (
                      <>
                        {request.decidedBy.name}, <DeskTime iso={request.decidedAt} relative={false} />
                      </>
                    ) : (
                      <span className="desk-muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
