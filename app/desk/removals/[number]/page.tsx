import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { orNotFound } from "@/app/desk/_components/or-not-found";
import { RemovalDecision } from "@/app/desk/removals/removal-decision";
import { RemovalItems } from "@/app/desk/removals/removal-items";
import { RemovalRecord } from "@/app/desk/removals/removal-record";
import { RemovalStateBadge } from "@/app/desk/removals/removal-state-badge";
import { placementLabels } from "@/app/desk/removals/removal-words";
import { VerifyRemovedTextForm } from "@/app/desk/removals/verify-removed-text-form";
import { RemovalNumberInput } from "@/lib/api/path-input";
import type { LegalRemovalState } from "@/lib/db/generated/enums";
import { getLegalRemoval } from "@/lib/legal-removals/list-legal-removals";

import "@/app/desk/removals/removals.css";

type Params = { params: Promise<{ number: string }> };

const whatHeadings: Record<LegalRemovalState, string> = {
  pending: "What would be removed",
  approved: "What was removed",
  withdrawn: "What was asked for",
  declined: "What was asked for",
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Removal ${(await params).number}` };
}

export default async function RemovalPage({ params }: Params) {
  const raw = (await params).number;
  const actor = await requirePageActor({ permission: "legal:remove", callbackPath: `/desk/removals/${raw}` });
  const parsed = RemovalNumberInput.safeParse(raw);
  if (!parsed.success) notFound();
  const request = await orNotFound(() => getLegalRemoval({ actor, number: parsed.data }));
  const mine = request.requestedBy.id === actor.userId;

  return (
    <>
      <p className="desk-crumbs">
        <Link href="/desk/removals">Legal removals</Link> / Removal {request.number}
      </p>
      <div className="desk-title-row">
        <div>
          <h1>Removal {request.number}</h1>
          <p className="desk-story-meta">
            <RemovalStateBadge state={request.state} />{" "}
            <Link className="desk-removal-story" href={`/desk/stories/${request.slug}`}>
              {request.headline}
            </Link>{" "}
            <span className="desk-muted desk-mono">{request.slug}</span>
          </p>
        </div>
      </div>

      {request.state === "pending" ? (
        <div className="desk-notice desk-notice-warn" role="status">
          <p>
            {request.waitingForYou
              ? `${request.requestedBy.name} asks for this removal. Approving takes everything below out of every stored copy of the story, for good: it cannot be undone.`
              : "You asked for this removal. Another admin must approve it; until then nothing is removed."}
          </p>
        </div>
      ) : null}

      <section className="desk-panel" aria-labelledby="removal-what">
        <h2 id="removal-what">{whatHeadings[request.state]}</h2>
        <RemovalItems items={request.items} state={request.state} />
        {request.removeFromDirectory ? (
          <p className="desk-small">
            The contributor is also renamed in the directory, so other stories show the marker for them too.
          </p>
        ) : null}
      </section>

      <section className="desk-panel" aria-labelledby="removal-why">
        <h2 id="removal-why">Reason and notice</h2>
        <dl className="desk-removal-facts">
          <dt>Internal reason (never shown to readers)</dt>
          <dd className="desk-removal-text">{request.internalReason}</dd>
          <dt>Public notice</dt>
          <dd className="desk-removal-text">{request.publicNotice}</dd>
          <dt>Notice placement</dt>
          <dd>{placementLabels[request.noticePlacement]}</dd>
          <dt>Asked by</dt>
          <dd>
            {request.requestedBy.name}, <DeskTime iso={request.requestedAt} />
          </dd>
          {request.decidedBy && request.decidedAt ? (
            <>
              <dt>
                {request.state === "approved"
                  ? "Approved by"
                  : request.state === "declined"
                    ? "Declined by"
                    : "Withdrawn by"}
              </dt>
              <dd>
                {request.decidedBy.name}, <DeskTime iso={request.decidedAt} />
                {request.decisionReason ? (
                  <div className="desk-removal-text">“{request.decisionReason}”</div>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {request.state === "pending" ? <RemovalDecision number={request.number} mine={mine} /> : null}

      {request.record ? (
        <>
          <RemovalRecord record={request.record} />
          <VerifyRemovedTextForm number={request.number} />
        </>
      ) : null}
    </>
  );
}
