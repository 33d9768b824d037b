import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { anchorProblemMessage, validateAnchor } from "@/lib/review-anchors/validate-anchor";
import { parseInput } from "@/lib/validation/parse-input";

import { StartThreadInput, type ThreadAnchorInput } from "./review-thread-input";
import { postComment, writeThreadAct, type ThreadActResult } from "./thread-write";

const fieldNames = { headline: "headline", dek: "dek", byline: "byline line", body: "body" } as const;

/**
 * Starts a thread on revision `number` of a story: on words of one of its fields (or, for a removed passage,
 * of the older revision it was compared with), or on the whole revision. The words must be exactly where the
 * anchor says, in that revision; the people the comment concerns hear of it in their inbox.
 */
export async function startThread(options: {
  actor: Actor;
  slug: string;
  number: number;
  input: unknown;
  idempotencyKey?: string;
}): Promise<ThreadActResult> {
  const { actor, slug, number } = options;
  assertCan({ actor, permission: "review:comment" });
  const input = parseInput({ schema: StartThreadInput, input: options.input });
  return writeThreadAct({
    actor,
    slug,
    operation: "start-thread",
    input: { number, ...input },
    idempotencyKey: options.idempotencyKey,
    step: async ({ tx, story, key }) => {
      const reviewed = await tx.revision.findUnique({
        where: { storyId_number: { storyId: story.id, number } },
        select: { number: true },
      });
      if (!reviewed) throw noSuchRevision({ number });
      const anchor = input.anchor
        ? await checkedAnchor({ tx, storyId: story.id, number, anchor: input.anchor })
        : null;
      // A thread started while the revision waits for review belongs to that request.
      const request = await tx.reviewRequest.findFirst({
        where: { storyId: story.id, revisionNumber: number },
        orderBy: { submittedAt: "desc" },
        select: { id: true },
      });
      const thread = await tx.reviewThread.create({
        data: {
          storyId: story.id,
          revisionNumber: number,
          reviewRequestId: request?.id ?? null,
          createdById: actor.userId,
          ...(anchor
            ? {
                anchorRevisionNumber: anchor.revision,
                anchorField: anchor.field,
                anchorStart: anchor.start,
                anchorEnd: anchor.end,
                anchorQuote: anchor.quote,
              }
            : {}),
        },
        select: { id: true, revisionNumber: true, reviewRequestId: true },
      });
      return postComment({
        tx,
        storyId: story.id,
        actorId: actor.userId,
        thread,
        body: input.body,
        isReply: false,
        key,
      });
    },
  });
}

/** The anchor, once its words are found exactly at its place in its revision's field. */
async function checkedAnchor(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  number: number;
  anchor: ThreadAnchorInput;
}): Promise<ThreadAnchorInput & { revision: number }> {
  const { tx, storyId, number, anchor } = options;
  const revision = anchor.revision ?? number;
  if (revision > number) {
    throw new AppError({
      code: "unprocessable",
      message: `anchor in revision ${revision} after reviewed revision ${number}`,
      userMessage: `The words must be in revision ${number} or in an earlier revision compared with it.`,
      details: { fields: [{ path: "anchor.revision", message: `must be ${number} or earlier` }] },
    });
  }
  const row = await tx.revision.findUnique({
    where: { storyId_number: { storyId, number: revision } },
    select: { headline: true, dek: true, byline: true, body: true },
  });
  if (!row) throw noSuchRevision({ number: revision, path: "anchor.revision" });
  const problem = validateAnchor(row[anchor.field], anchor);
  if (problem) {
    throw new AppError({
      code: "unprocessable",
      message: `anchor ${problem} at ${anchor.start}-${anchor.end} of ${anchor.field} in revision ${revision}`,
      userMessage: `${anchorProblemMessage(problem)} (The ${fieldNames[anchor.field]} of revision ${revision}.)`,
      details: {
        fields: [
          { path: "anchor.quote", message: `not at that place in revision ${revision}'s ${anchor.field}` },
        ],
      },
    });
  }
  return { ...anchor, revision };
}

function noSuchRevision(options: { number: number; path?: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `revision ${options.number} not in story`,
    userMessage: `This story has no revision ${options.number}. A comment can only be on a revision of the story it is posted to.`,
    details: { fields: [{ path: options.path ?? "revision", message: "not a revision of this story" }] },
  });
}
