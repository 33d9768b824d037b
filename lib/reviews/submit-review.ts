import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { notifyInbox } from "@/lib/inbox/notify-inbox";
import type { LockedStory } from "@/lib/stories/story";
import { parseInput } from "@/lib/validation/parse-input";

import { SubmitReviewInput } from "./review-input";
import type { ReviewRequestDto } from "./review-request-dto";
import { atNewsroomTime } from "./review-words";
import { eventKey, writeReviewAct } from "./review-write";

function refuse(options: {
  path: string;
  message: string;
  userMessage: string;
  code?: "unprocessable" | "conflict";
}) {
  return new AppError({
    code: options.code ?? "unprocessable",
    message: options.message,
    userMessage: options.userMessage,
    details: { fields: [{ path: options.path, message: options.userMessage }] },
  });
}

/**
 * Asks for review of a revision: by default the newest saved one, which must be newer than the live revision.
 * Named reviewers (active editors or admins) are told in their inbox; a request naming nobody waits in every
 * editor's queue without an inbox notice. An older request still waiting on the story is withdrawn by this
 * one, with a line in the review history saying so: a story has one request waiting at a time.
 */
export async function submitReview(options: {
  actor: Actor;
  slug: string;
  input: unknown;
  idempotencyKey?: string;
}): Promise<ReviewRequestDto> {
  const { actor, slug } = options;
  assertCan({ actor, permission: "review:submit" });
  const input = parseInput({ schema: SubmitReviewInput, input: options.input });
  return writeReviewAct({
    slug,
    actor,
    operation: "review.submit",
    input,
    idempotencyKey: options.idempotencyKey,
    step: async ({ tx, story, key }) => {
      const { number, contentHash } = await reviewedRevision({ tx, story, asked: input.revision });
      await refuseAlreadyCovered({ tx, story, number, contentHash });
      const reviewerIds = await activeReviewers({ tx, actor, ids: input.reviewers });
      const superseded = await tx.reviewRequest.findMany({
        where: { storyId: story.id, state: "waiting" },
        select: { id: true, revisionNumber: true },
      });
      const request = await tx.reviewRequest.create({
        data: {
          storyId: story.id,
          revisionNumber: number,
          contentHash,
          submittedById: actor.userId,
          note: input.note || null,
          reviewers: { createMany: { data: reviewerIds.map((userId) => ({ userId })) } },
        },
        select: { id: true, submittedAt: true },
      });
      for (const older of superseded) {
        const note = `Superseded by the request for revision ${number}.`;
        await tx.reviewRequest.update({
          where: { id: older.id },
          data: {
            state: "withdrawn",
            decidedById: actor.userId,
            decidedAt: request.submittedAt,
            decisionNote: note,
          },
        });
        await tx.reviewEvent.create({
          data: {
            storyId: story.id,
            action: "withdraw",
            actorId: actor.userId,
            revisionNumber: older.revisionNumber,
            reviewRequestId: older.id,
            note,
          },
        });
      }
      await tx.reviewEvent.create({
        data: {
          storyId: story.id,
          action: "submit",
          actorId: actor.userId,
          revisionNumber: number,
          reviewRequestId: request.id,
          note: input.note || null,
          ...eventKey(key),
        },
      });
      await notifyInbox({
        tx,
        notices: reviewerIds.map((recipientId) => ({
          recipientId,
          kind: "review_requested" as const,
          eventKey: `request:${request.id}`,
          storyId: story.id,
          actorId: actor.userId,
          reviewRequestId: request.id,
        })),
      });
      return { requestId: request.id };
    },
  });
}

/**
 * The revision a request covers: the one asked for, or the newest. It must be this story's, newer than the
 * live one, and its text must be the newest text (an older draft would be reviewed against changes saved after
 * it).
 */
async function reviewedRevision(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  asked: number | undefined;
}): Promise<{ number: number; contentHash: string }> {
  const { tx, story } = options;
  const number = options.asked ?? story.latestRevisionNumber;
  const live = story.liveRevisionNumber;
  if (number > story.latestRevisionNumber)
    throw refuse({
      path: "revision",
      message: `review asked for revision ${number} of ${story.slug}, newest is ${story.latestRevisionNumber}`,
      userMessage: `This story has no revision ${number}: its newest is revision ${story.latestRevisionNumber}. A revision of another story cannot be reviewed here.`,
    });
  if (live !== null && number <= live)
    throw refuse({
      path: "revision",
      message: `review asked for revision ${number} of ${story.slug}, live is ${live}`,
      userMessage:
        number === live
          ? `Revision ${number} is already live: readers have it, so there is nothing to review. Save your changes, then ask for review.`
          : `Revision ${number} is older than the live revision (${live}). Save your changes, then ask for review.`,
      code: "conflict",
    });
  // One query at a time: a transaction owns a single connection.
  const revision = await tx.revision.findUniqueOrThrow({
    where: { storyId_number: { storyId: story.id, number } },
    select: { contentHash: true },
  });
  const newest = await tx.revision.findUniqueOrThrow({
    where: { storyId_number: { storyId: story.id, number: story.latestRevisionNumber } },
    select: { contentHash: true },
  });
  if (revision.contentHash !== newest.contentHash)
    throw refuse({
      path: "revision",
      message: `review asked for revision ${number} of ${story.slug}, overtaken by ${story.latestRevisionNumber}`,
      userMessage: `Revision ${number} is not the newest text: revision ${story.latestRevisionNumber} changes the story after it. Ask for review of revision ${story.latestRevisionNumber}.`,
      code: "conflict",
    });
  return { number, contentHash: revision.contentHash };
}

/** The same text waiting already, or approved already, is not asked about again. */
async function refuseAlreadyCovered(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  number: number;
  contentHash: string;
}): Promise<void> {
  const { tx, story, number, contentHash } = options;
  const same = await tx.reviewRequest.findFirst({
    where: { storyId: story.id, contentHash, state: { in: ["waiting", "approved"] } },
    orderBy: { submittedAt: "desc" },
    select: {
      revisionNumber: true,
      state: true,
      submittedAt: true,
      decidedAt: true,
      submittedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
    },
  });
  if (!same) return;
  const userMessage =
    same.state === "waiting"
      ? `This text (revision ${same.revisionNumber}) is already waiting for review: ${same.submittedBy.name} asked at ${atNewsroomTime(same.submittedAt)}.`
      : `This text (revision ${same.revisionNumber}) was already approved by ${same.decidedBy?.name ?? "an editor"} at ${atNewsroomTime(same.decidedAt ?? same.submittedAt)}: it can be published.`;
  throw refuse({
    path: "revision",
    message: `review of ${story.slug} revision ${number} already ${same.state}`,
    userMessage,
    code: "conflict",
  });
}

/** Named reviewers must be active editors or admins, and not the person asking. */
async function activeReviewers(options: {
  tx: Prisma.TransactionClient;
  actor: Actor;
  ids: readonly string[];
}): Promise<string[]> {
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return [];
  if (ids.includes(options.actor.userId))
    throw refuse({
      path: "reviewers",
      message: "submitter named themselves as reviewer",
      userMessage:
        "You cannot review your own request: name another editor, or nobody (any editor may then take it).",
    });
  const found = await options.tx.user.findMany({
    where: { id: { in: ids }, active: true, role: { in: ["editor", "admin"] } },
    select: { id: true },
  });
  if (found.length !== ids.length)
    throw refuse({
      path: "reviewers",
      message: `${ids.length - found.length} named reviewer(s) are not active editors`,
      userMessage:
        "Only active editors and admins can review: someone named is not one. Choose reviewers from the list.",
    });
  return ids;
}
