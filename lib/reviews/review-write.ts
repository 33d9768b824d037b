import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { LockedStory } from "@/lib/stories/story";
import { isUniqueViolation, keyReusedError, writeStory, type WriteKey } from "@/lib/stories/story-write";

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
  try {
    return await writeStory<{ storyId: string; requestId: string }, ReviewRequestDto, "review-request">({
      slug,
      request: {
        operation: options.operation,
        callerId: actor.userId,
        input: options.input,
        idempotencyKey: options.idempotencyKey,
        records: "review-request",
      },
      step: async (write) => ({ storyId: write.story.id, ...(await options.step(write)) }),
      replay: ({ storyId, write }) => ({ storyId, requestId: write.requestId }),
      // Review is newsroom-only: nothing readers see changes.
      readersSeeChange: () => false,
      answer: ({ storyId, requestId }) => readReviewRequest({ storyId, id: requestId }),
    });
  } catch (error) {
    // The key is in the review history already for another kind of act (a comment, say): not this request.
    if (isUniqueViolation(error) && options.idempotencyKey) throw keyReusedError();
    throw error;
  }
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
