import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewAction } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/story";
import { writeStory, type WriteKey } from "@/lib/stories/story-write";

import { notifyOfComment } from "./comment-notices";
import { readThread, type ReviewThreadDto } from "./read-threads";

/** What every act on a thread answers: the thread as it is after it, and the comment the act wrote. */
export type ThreadActResult = { thread: ReviewThreadDto; commentId: string | null };

type Done = { threadId: string; commentId: string | null };

/**
 * One act on a review thread, through the story's keyed write: under the story's row lock, with its entry in
 * the review history in the same transaction, and a retry with the same Idempotency-Key (a double click, a
 * lost answer) answered with what the first did instead of posting twice. Comments never change what
 * readers see.
 */
export async function writeThreadAct(options: {
  actor: Actor;
  slug: string;
  operation: string;
  input: unknown;
  idempotencyKey?: string;
  step: (write: { tx: Prisma.TransactionClient; story: LockedStory; key: WriteKey }) => Promise<Done>;
}): Promise<ThreadActResult> {
  const { actor, slug } = options;
  let storyId = "";
  return writeStory<Done, ThreadActResult, "review-thread">({
    slug,
    request: {
      operation: options.operation,
      callerId: actor.userId,
      input: options.input,
      idempotencyKey: options.idempotencyKey,
      records: "review-thread",
    },
    replay: ({ storyId: id, write }) => {
      storyId = id;
      return { threadId: write.threadId, commentId: write.commentId };
    },
    step: async (write) => {
      storyId = write.story.id;
      return options.step(write);
    },
    readersSeeChange: () => false,
    answer: async (done) => {
      const thread = await readThread({ db: getDb(), storyId, threadId: done.threadId });
      if (!thread) throw threadNotFound({ threadId: done.threadId });
      return { thread, commentId: done.commentId };
    },
  });
}

/** The entry in the append-only review history for one act on a thread, keyed for retries. */
export async function recordThreadEvent(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  actorId: string;
  action: ReviewAction;
  thread: { id: string; revisionNumber: number; reviewRequestId: string | null };
  commentId?: string;
  key: WriteKey;
}): Promise<void> {
  const { tx, thread, key } = options;
  await tx.reviewEvent.create({
    data: {
      storyId: options.storyId,
      action: options.action,
      actorId: options.actorId,
      revisionNumber: thread.revisionNumber,
      reviewRequestId: thread.reviewRequestId,
      threadId: thread.id,
      commentId: options.commentId ?? null,
      ...(key.idempotencyKey
        ? { idempotencyKey: key.idempotencyKey, requestFingerprint: key.fingerprint }
        : {}),
    },
  });
}

/**
 * A comment that starts a thread or replies in one: the comment, its entry in the review history and the
 * notices it causes, all in the act's transaction.
 */
export async function postComment(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  actorId: string;
  thread: { id: string; revisionNumber: number; reviewRequestId: string | null };
  body: string;
  isReply: boolean;
  key: WriteKey;
}): Promise<Done> {
  const { tx, storyId, actorId, thread, body, isReply, key } = options;
  const comment = await tx.reviewComment.create({
    data: { threadId: thread.id, authorId: actorId, body },
    select: { id: true },
  });
  const action = isReply ? "reply" : "comment";
  await recordThreadEvent({ tx, storyId, actorId, action, thread, commentId: comment.id, key });
  await notifyOfComment({ tx, storyId, actorId, thread, commentId: comment.id, body, isReply });
  return { threadId: thread.id, commentId: comment.id };
}

export function threadNotFound(options: { threadId: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `review thread ${options.threadId} not found`,
    userMessage: "This story has no such comment thread. It may belong to another story.",
    details: { thread: options.threadId },
  });
}
