import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

import { reviewRequestSelect, toReviewRequestDto, type ReviewRequestDto } from "./review-request-dto";

export type ReviewQueue = {
  /** Waiting for this person's review, oldest first: named them, or named nobody (editors only). */
  waiting: ReviewRequestDto[];
  /** What they asked for, newest first, in every state. */
  submitted: ReviewRequestDto[];
};

/** One person's review queue. Nobody is asked to review their own request. */
export async function listReviewQueue(options: { actor: Actor; limit?: number }): Promise<ReviewQueue> {
  const { actor } = options;
  assertCan({ actor, permission: "review:submit" });
  const limit = options.limit ?? 100;
  const db = getDb();
  const [waiting, submitted] = await Promise.all([
    can({ actor, permission: "review:decide" })
      ? db.reviewRequest.findMany({
          where: {
            state: "waiting",
            submittedById: { not: actor.userId },
            OR: [{ reviewers: { some: { userId: actor.userId } } }, { reviewers: { none: {} } }],
          },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take: limit,
          select: reviewRequestSelect,
        })
      : Promise.resolve([]),
    db.reviewRequest.findMany({
      where: { submittedById: actor.userId },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: reviewRequestSelect,
    }),
  ]);
  return { waiting: waiting.map(toReviewRequestDto), submitted: submitted.map(toReviewRequestDto) };
}
