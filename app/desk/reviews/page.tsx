import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import { can } from "@/lib/auth/permissions";
import type { ReviewState } from "@/lib/db/generated/enums";
import { waitingWords } from "@/lib/reviews/review-age";
import { listReviewQueue } from "@/lib/reviews/review-queue";
import type { ReviewRequestDto } from "@/lib/reviews/review-request-dto";

export const metadata: Metadata = { title: "Reviews" };

const stateLabels: Record<ReviewState, string> = {
  waiting: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
  withdrawn: "Withdrawn",
};

function diffHref(request: ReviewRequestDto): string {
  const from = request.story.liveRevisionNumber ?? 1;
  return `/desk/stories/${request.story.slug}/compare?from=${from}&to=${request.revisionNumber}`;
}

export default async function ReviewsPage() {
  const actor = await requirePageActor({ permission: "review:submit", callbackPath: "/desk/reviews" });
  const queue = await listReviewQueue({ actor });
  const now = new Date();
  const decides = can({ actor, permission: "review:decide" });

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>Reviews</h1>
          <p className="desk-lede">
            What waits for your review, oldest first, and what you asked others to review.
          </p>
        </div>
        {can({ actor, permission: "review:rules" }) ? (
          <Link className="desk-button" href="/desk/reviews/rules">
            Review rules
          </Link>
        ) : null}
      </div>
      {decides ? (
        <section className="desk-review-section" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">Waiting for your review ({queue.waiting.length})</h2>
          {queue.waiting.length === 0 ? (
            <div className="desk-panel">
              <p>Nothing waits for you. Requests naming you, or naming nobody, appear here.</p>
            </div>
          ) : (
            <div className="desk-table-wrap">
              <table className="desk-table desk-table-stack" aria-labelledby="waiting-heading">
                <thead>
                  <tr>
                    <th scope="col">Story</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Asked by</th>
                    <th scope="col">For</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.waiting.map((request) => (
                    <tr key={request.id}>
                      <td className="desk-table-headline">
                        <Link href={diffHref(request)}>
                          <RemovalMarkedText text={request.story.headline} />
                        </Link>
                        <div className="desk-muted desk-small">
                          Revision {request.revisionNumber}
                          {request.note ? ` · “${request.note}”` : ""}
                        </div>
                      </td>
                      <td data-label="Waiting">
                        <strong>{waitingWords({ since: request.submittedAt, now })}</strong>
                        <div className="desk-small">
                          since <DeskTime iso={request.submittedAt} relative={false} />
                        </div>
                      </td>
                      <td data-label="Asked by" className="desk-table-person">
                        {request.submittedBy.name}
                      </td>
                      <td data-label="For">
                        {request.reviewers.length > 0 ? (
                          "You, by name"
                        ) : (
                          <span className="desk-muted">Any editor</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <section className="desk-review-section" aria-labelledby="submitted-heading">
        <h2 id="submitted-heading">You asked for review ({queue.submitted.length})</h2>
        {queue.submitted.length === 0 ? (
          <div className="desk-panel">
            <p>You have not asked for review yet. “Ask for review” is on a story’s edit screen.</p>
          </div>
        ) : (
          <div className="desk-table-wrap">
            <table className="desk-table desk-table-stack" aria-labelledby="submitted-heading">
              <thead>
                <tr>
                  <th scope="col">Story</th>
                  <th scope="col">State</th>
                  <th scope="col">Asked</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {queue.submitted.map((request) => (
                  <tr key={request.id}>
                    <td className="desk-table-headline">
                      <Link href={`/desk/stories/${request.story.slug}`}>
                        <RemovalMarkedText text={request.story.headline} />
                      </Link>
                      <div className="desk-muted desk-small">Revision {request.revisionNumber}</div>
                    </td>
                    <td data-label="State">
                      <span className={`desk-badge desk-badge-review-${request.state}`}>
                        {stateLabels[request.state]}
                      </span>
                      {request.state === "waiting" ? (
                        <div className="desk-small">{waitingWords({ since: request.submittedAt, now })}</div>
                      ) : null}
                    </td>
                    <td data-label="Asked" className="desk-small">
                      <DeskTime iso={request.submittedAt} />
                    </td>
                    <td data-label="Decision" className="desk-small">
                      {request.decidedBy && request.decidedAt ? (
                        <>
                          {request.decidedBy.name}, <DeskTime iso={request.decidedAt} relative={false} />
                          {request.decisionNote ? <div>“{request.decisionNote}”</div> : null}
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
    </>
  );
}
