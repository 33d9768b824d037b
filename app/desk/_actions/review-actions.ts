"use server";

import { deskAction } from "@/app/_support/desk-action";
import { decideReview } from "@/lib/reviews/decide-review";
import { DeskReviewActInput, DeskSubmitReviewInput } from "@/lib/reviews/review-desk-input";
import { submitReview } from "@/lib/reviews/submit-review";
import { withdrawReview } from "@/lib/reviews/withdraw-review";

/** "Ask for review" on the edit screen: the newest saved revision, optional reviewers and note. */
export const submitReviewAction = deskAction({
  name: "submitReview",
  permission: "review:submit",
  input: DeskSubmitReviewInput,
  run: async ({ actor, input: { slug, idempotencyKey, review } }) => {
    const request = await submitReview({ actor, slug, input: review, idempotencyKey });
    const whom =
      request.reviewers.length > 0
        ? request.reviewers.map((reviewer) => reviewer.name).join(", ")
        : "any editor";
    return {
      status: "success",
      message: `Revision ${request.revisionNumber} is waiting for review by ${whom}.`,
      result: { id: request.id },
    };
  },
});

/** Approve or request changes, from the decision panel beside the request's diff. Editors only. */
export const decideReviewAction = deskAction({
  name: "decideReview",
  permission: "review:decide",
  input: DeskReviewActInput,
  run: async ({ actor, input: { slug, requestId, idempotencyKey, act } }) => {
    const request = await decideReview({ actor, slug, requestId, input: act, idempotencyKey });
    return {
      status: "success",
      message:
        request.state === "approved"
          ? `Approved revision ${request.revisionNumber}. ${request.submittedBy.name} is told.`
          : `Changes requested on revision ${request.revisionNumber}. ${request.submittedBy.name} is told.`,
      result: { state: request.state },
    };
  },
});

/** Withdraw a waiting request: its submitter, or an editor. */
export const withdrawReviewAction = deskAction({
  name: "withdrawReview",
  permission: "review:submit",
  input: DeskReviewActInput,
  run: async ({ actor, input: { slug, requestId, idempotencyKey, act } }) => {
    const request = await withdrawReview({ actor, slug, requestId, input: act, idempotencyKey });
    return {
      status: "success",
      message: `The request for revision ${request.revisionNumber} was withdrawn.`,
      result: { state: request.state },
    };
  },
});
