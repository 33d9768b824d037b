import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { databaseNow } from "@/lib/schedules/schedule-history";
import { parseInput } from "@/lib/validation/parse-input";

import { waitingRequest } from "./decide-review";
import { WithdrawReviewInput } from "./review-input";
import type { ReviewRequestDto } from "./review-request-dto";
import { eventKey, writeReviewAct } from "./review-write";

/** Withdraws a waiting request: the person who asked, or an editor. The review history keeps who and why. */
export async function withdrawReview(options: {
  actor: Actor;
  slug: string;
  requestId: string;
  input?: unknown;
  idempotencyKey?: string;
}): Promise<ReviewRequestDto> {
  const { actor, slug, requestId } = options;
  assertCan({ actor, permission: "review:submit" });
  const input = parseInput({ schema: WithdrawReviewInput, input: options.input ?? {} });
  return writeReviewAct({
    slug,
    actor,
    operation: "review.withdraw",
    input: { requestId, ...input },
    idempotencyKey: options.idempotencyKey,
    step: async ({ tx, story, key }) => {
      const request = await waitingRequest({ tx, story, id: requestId });
      if (request.submittedById !== actor.userId && !can({ actor, permission: "review:decide" }))
        throw new AppError({
          code: "forbidden",
          message: `${actor.email} withdrawing ${request.submittedByName}'s review request`,
          userMessage: `Only ${request.submittedByName}, who asked, or an editor can withdraw this request.`,
        });
      const note = input.note || null;
      await tx.reviewRequest.update({
        where: { id: request.id },
        data: {
          state: "withdrawn",
          decidedById: actor.userId,
          decidedAt: await databaseNow({ tx }),
          decisionNote: note,
        },
      });
      await tx.reviewEvent.create({
        data: {
          storyId: story.id,
          action: "withdraw",
          actorId: actor.userId,
          revisionNumber: request.revisionNumber,
          reviewRequestId: request.id,
          note,
          ...eventKey(key),
        },
      });
      return { requestId: request.id };
    },
  });
}
