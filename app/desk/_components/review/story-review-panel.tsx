import Link from "next/link";

import { DeskTime } from "@/app/_components/desk-time";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listReviewers } from "@/lib/reviews/reviewers";
import { revisionListWords } from "@/lib/reviews/revision-list-words";
import type { StoryReview } from "@/lib/reviews/story-review";
import type { StoryDto } from "@/lib/stories/story";

import { AskReviewButton } from "./ask-review-button";
import { ReviewBadge } from "./review-badge";
import { ReviewHistory } from "./review-history";
import { WithdrawReviewButton } from "./withdraw-review-button";

/**
 * The story's review on its edit screen: where it stands, the request and its decision, what came after an
 * approval (with a compare link), "Ask for review", and the history. Newsroom-only.
 */
export async function StoryReviewPanel(props: { actor: Actor; story: StoryDto; review: StoryReview }) {
  const { actor, story, review } = props;
  const { slug } = story;
  const reviewers = can({ actor, permission: "review:submit" }) ? await listReviewers({ actor }) : [];
  const { current, approval } = review;
  const live = story.liveRevisionNumber;
  const hasDraft = live === null || story.latestRevisionNumber > live;
  const compareHref = (from: number, to: number) => `/desk/stories/${slug}/compare?from=${from}&to=${to}`;
  const waiting = current?.state === "waiting" ? current : null;
  const mayWithdraw =
    waiting !== null &&
    (waiting.submittedBy.id === actor.userId || can({ actor, permission: "review:decide" }));
  const rules = [
    review.rules.contributorsNeedApproval ? "contributors’ work needs an editor’s approval" : null,
    review.rules.correctionsNeedSecondEditor
      ? "corrections, clarifications and editor’s notes need a second editor"
      : null,
  ].filter((rule): rule is string => rule !== null);

  return (
    <section className="desk-panel desk-review-panel" aria-labelledby="review-panel-title">
      <div className="desk-title-row">
        <h2 id="review-panel-title">
          Review <ReviewBadge label={review.label} />
        </h2>
        <div className="desk-button-row">
          {waiting && waiting.revisionNumber ? (
            <Link
              className="desk-button desk-button-small"
              href={compareHref(live ?? 1, waiting.revisionNumber)}
            >
              {can({ actor, permission: "review:decide" }) && waiting.submittedBy.id !== actor.userId
                ? "Review the changes"
                : "See the changes"}
            </Link>
          ) : null}
          {waiting && mayWithdraw ? (
            <WithdrawReviewButton slug={slug} requestId={waiting.id} revision={waiting.revisionNumber} />
          ) : null}
          {hasDraft && can({ actor, permission: "review:submit" }) ? (
            <AskReviewButton
              slug={slug}
              revision={story.latestRevisionNumber}
              reviewers={reviewers}
              replaces={
                waiting && waiting.revisionNumber !== story.latestRevisionNumber
                  ? waiting.revisionNumber
                  : null
              }
            />
          ) : null}
        </div>
      </div>
      {current ? (
        <p className="desk-review-current">
          {current.state === "waiting" ? (
            <>
              Revision {current.revisionNumber} is waiting for review by{" "}
              {current.reviewers.length > 0
                ? current.reviewers.map((person) => person.name).join(", ")
                : "any editor"}
              , asked by {current.submittedBy.name} <DeskTime iso={current.submittedAt} />.
            </>
          ) : current.state === "changes_requested" ? (
            <>
              {current.decidedBy?.name} requested changes on revision {current.revisionNumber}{" "}
              {current.decidedAt ? <DeskTime iso={current.decidedAt} /> : null}.
            </>
          ) : current.state === "approved" ? (
            <>
              Approved by {current.decidedBy?.name} for revision {current.revisionNumber}{" "}
              {current.decidedAt ? <DeskTime iso={current.decidedAt} /> : null}.
            </>
          ) : (
            <>
              The request for revision {current.revisionNumber} was withdrawn by {current.decidedBy?.name}.
            </>
          )}
        </p>
      ) : (
        <p className="desk-muted">Nobody has asked for review of this story.</p>
      )}
      {current?.note && current.state === "waiting" ? (
        <blockquote className="desk-review-note">
          “{current.note}” — {current.submittedBy.name}
        </blockquote>
      ) : null}
      {current?.decisionNote && current.state !== "waiting" ? (
        <blockquote className="desk-review-note">
          “{current.decisionNote}” — {current.decidedBy?.name}
        </blockquote>
      ) : null}
      {approval && approval.later.length > 0 ? (
        <div className="desk-notice desk-notice-warn">
          <p>
            {revisionListWords(approval.later)} came after the approval of revision{" "}
            {approval.request.revisionNumber} by {approval.request.decidedBy?.name}: the approval does not
            cover {approval.later.length === 1 ? "it" : "them"}.
          </p>
          <Link
            className="desk-button desk-button-small"
            href={compareHref(approval.request.revisionNumber, story.latestRevisionNumber)}
          >
            Compare approved → latest
          </Link>
        </div>
      ) : null}
      {hasDraft ? (
        <p className="desk-small">
          Newest text (revision {story.latestRevisionNumber}): {review.newestText}.
        </p>
      ) : null}
      {rules.length > 0 ? <p className="desk-small desk-muted">Newsroom rules: {rules.join("; ")}.</p> : null}
      <ReviewHistory history={review.history} />
    </section>
  );
}
