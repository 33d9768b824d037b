import Link from "next/link";

import { DeskTime } from "@/app/_components/desk-time";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { readStoryReview } from "@/lib/reviews/story-review";

import { DecisionForm } from "./decision-form";
import { ReviewBadge } from "./review-badge";

/**
 * Where a reviewer reads a request's diff (compare, or the revision page): the waiting request, and for an
 * editor the decision form. Shows nothing when no request waits on the story.
 */
export async function DecisionPanel(props: { actor: Actor; slug: string; live: number | null; to: number }) {
  const { actor, slug, live, to } = props;
  const review = await readStoryReview({ actor, slug });
  const waiting = review.current?.state === "waiting" ? review.current : null;
  if (!waiting) return null;
  const onRequest = to === waiting.revisionNumber;
  const mayDecide = can({ actor, permission: "review:decide" });
  return (
    <section className="desk-panel desk-review-panel" aria-labelledby="decision-panel-title">
      <h2 id="decision-panel-title">
        Review request <ReviewBadge label={review.label} />
      </h2>
      <p>
        {waiting.submittedBy.name} asked for review of revision {waiting.revisionNumber}{" "}
        <DeskTime iso={waiting.submittedAt} />
        {waiting.reviewers.length > 0
          ? `, naming ${waiting.reviewers.map((person) => person.name).join(", ")}`
          : ", naming nobody (any editor)"}
        .
      </p>
      {waiting.note ? <blockquote className="desk-review-note">“{waiting.note}”</blockquote> : null}
      <p>
        {!onRequest ? (
          <>
            <Link href={`/desk/stories/${slug}/compare?from=${live ?? 1}&to=${waiting.revisionNumber}`}>
              Compare the requested revision {waiting.revisionNumber} with{" "}
              {live === null ? "the first" : "the live one"}
            </Link>{" "}
            ·{" "}
          </>
        ) : null}
        <Link href={`/desk/stories/${slug}/revisions/${waiting.revisionNumber}`}>
          Read revision {waiting.revisionNumber} as readers would get it
        </Link>
      </p>
      {mayDecide ? (
        <DecisionForm slug={slug} requestId={waiting.id} revision={waiting.revisionNumber} />
      ) : (
        <p className="desk-muted">An editor decides: approve it, or request changes.</p>
      )}
    </section>
  );
}
