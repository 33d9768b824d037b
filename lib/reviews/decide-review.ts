import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { notifyInbox } from "@/lib/inbox/notify-inbox";
import { isNoteKind } from "@/lib/revisions/publication-plan";
import { kindWithArticle } from "@/lib/revisions/publication-requirements";
import { databaseNow } from "@/lib/schedules/schedule-history";
import type { LockedStory } from "@/lib/stories/story";
import { parseInput } from "@/lib/validation/parse-input";

import { DecideReviewInput } from "./review-input";
import { isUuid, reviewRequestNotFound, type ReviewRequestDto } from "./review-request-dto";
import { readReviewRules } from "./review-rules";
import { settledWords } from "./review-words";
import { eventKey, writeReviewAct } from "./review-write";

/** A request as a decision or a withdrawal finds it, under the story's lock. */
export type OpenRequest = {
  id: string;
  revisionNumber: number;
  submittedById: string;
  submittedByName: string;
};

/**
 * The request, if it is still waiting: a decided or withdrawn one is refused with who settled it and when (so
 * deciding twice, or on a request withdrawn meanwhile, says what happened instead).
 */
export async function waitingRequest(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  id: string;
}): Promise<OpenRequest> {
  const { tx, story, id } = options;
  const row = isUuid(id)
    ? await tx.reviewRequest.findFirst({
        where: { id, storyId: story.id },
        select: {
          id: true,
          revisionNumber: true,
          state: true,
          submittedById: true,
          decidedAt: true,
          submittedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      })
    : null;
  if (!row) throw reviewRequestNotFound({ id });
  if (row.state !== "waiting") {
    throw new AppError({
      code: "conflict",
      message: `review request ${id} is already ${row.state}`,
      userMessage: settledWords({
        state: row.state,
        by: row.decidedBy?.name ?? "an editor",
        at: row.decidedAt ?? new Date(),
      }),
      details: { state: row.state },
    });
  }
  return {
    id: row.id,
    revisionNumber: row.revisionNumber,
    submittedById: row.submittedById,
    submittedByName: row.submittedBy.name,
  };
}

/**
 * An editor's decision on a waiting request: "approve" (covering exactly the reviewed revision's text) or
 * "request_changes" with a note. The submitter is told in their inbox. Deciding twice is refused with the first
 * decision; under the second-editor rule, nobody approves a correction they wrote or submitted.
 */
export async function decideReview(options: {
  actor: Actor;
  slug: string;
  requestId: string;
  input: unknown;
  idempotencyKey?: string;
}): Promise<ReviewRequestDto> {
  const { actor, slug, requestId } = options;
  assertCan({ actor, permission: "review:decide" });
  const input = parseInput({ schema: DecideReviewInput, input: options.input });
  return writeReviewAct({
    slug,
    actor,
    operation: "review.decide",
    input: { requestId, ...input },
    idempotencyKey: options.idempotencyKey,
    step: async ({ tx, story, key }) => {
      const request = await waitingRequest({ tx, story, id: requestId });
      if (input.decision === "approve") await refuseOwnCorrection({ tx, story, actor, request });
      const note = input.note || null;
      await tx.reviewRequest.update({
        where: { id: request.id },
        data: {
          state: input.decision === "approve" ? "approved" : "changes_requested",
          decidedById: actor.userId,
          decidedAt: await databaseNow({ tx }),
          decisionNote: note,
        },
      });
      await tx.reviewEvent.create({
        data: {
          storyId: story.id,
          action: input.decision,
          actorId: actor.userId,
          revisionNumber: request.revisionNumber,
          reviewRequestId: request.id,
          note,
          ...eventKey(key),
        },
      });
      await notifyInbox({
        tx,
        notices: [
          {
            recipientId: request.submittedById,
            kind: "decision",
            eventKey: `decision:${request.id}`,
            storyId: story.id,
            actorId: actor.userId,
            reviewRequestId: request.id,
          },
        ],
      });
      return { requestId: request.id };
    },
  });
}

/**
 * The second pair of eyes: with the rule on, a request whose text carries a correction, clarification or
 * editor's note (saved since the live revision) is approved by someone who neither submitted it nor wrote it.
 */
async function refuseOwnCorrection(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  request: OpenRequest;
}): Promise<void> {
  const { tx, story, actor, request } = options;
  const rules = await readReviewRules({ tx });
  if (!rules.correctionsNeedSecondEditor) return;
  const notes = await tx.revision.findMany({
    where: {
      storyId: story.id,
      number: { gt: story.liveRevisionNumber ?? 0, lte: request.revisionNumber },
      kind: { in: ["correction", "clarification", "editors_note"] },
    },
    orderBy: { number: "desc" },
    select: { kind: true, authorId: true },
  });
  const noteKinds = notes.filter((revision) => isNoteKind(revision.kind));
  if (noteKinds.length === 0) return;
  const own =
    request.submittedById === actor.userId ||
    noteKinds.some((revision) => revision.authorId === actor.userId);
  if (!own) return;
  throw new AppError({
    code: "forbidden",
    message: `${actor.email} approving their own ${noteKinds[0]!.kind} under the second-editor rule`,
    userMessage: `A rule set by an admin: ${kindWithArticle(noteKinds[0]!.kind)} is approved by a second editor, and you wrote or submitted this one. Ask another editor to approve it.`,
    details: { review: "own_work", rule: "corrections_need_second_editor" },
  });
}
