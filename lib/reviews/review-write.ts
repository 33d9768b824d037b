import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/story";
import { writeStory, type WriteKey } from "@/lib/stories/story-write";

import { readReviewRequest, type ReviewRequestDto } from "./review-request-dto";

/**
 * A review act on one story (ask, withdraw, decide), through the story's one keyed write: the story's lock
 * keeps acts in order, and a retried Idempotency-Key (a double-click) answers with the request its first
 * attempt touched instead of acting twice. The step writes its `ReviewEvent` with `key`.
 */
export async function writeReviewAct(options: {
  slug: string;
  actor: Actor;
  operation: string;
  input: unknown;
  idempotencyKey: string | undefined;
  step: (write: {
    tx: Prisma.TransactionClient;
    story: LockedStory;
    key: WriteKey;
  }) => Promise<{ requestId: string }>;
}): Promise<ReviewRequestDto> {
  const { slug, actor } = options;
  return writeStory<{ storyId: string; requestId: string }, ReviewRequestDto, "review">({
    slug,
    request: {
      operation: options.operation,
      callerId: actor.userId,
      input: options.input,
      idempotencyKey: options.idempotencyKey,
      records: "review",
    },
    step: async (write) => ({ storyId: write.story.id, ...(await options.step(write)) }),
    replay: async ({ db, storyId, write }) => {
      const event = await db.reviewEvent.findUniqueOrThrow({
        where: { id: write.eventId },
        select: { reviewRequestId: true },
      });
      if (!event.reviewRequestId)
        throw new AppError({
          code: "unprocessable",
          message: "idempotency key names a review event without a request",
          userMessage:
            "This key was used for a different request. Send a new Idempotency-Key with each new request.",
        });
      return { storyId, requestId: event.reviewRequestId };
    },
    // Review is newsroom-only: nothing readers see changes.
    readersSeeChange: () => false,
    answer: ({ storyId, requestId }) => readReviewRequest({ storyId, id: requestId }),
  });
}

/** The key columns a review event keeps, so a retry of its request finds it. */
export function eventKey(key: WriteKey): {
  idempotencyKey: string | null;
  requestFingerprint: string | null;
} {
  return {
    idempotencyKey: key.idempotencyKey ?? null,
    requestFingerprint: key.idempotencyKey ? key.fingerprint : null,
  };
}
