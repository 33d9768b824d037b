import "server-only";
import type { Actor } from "../auth/actor";
import type { StatusAction } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { idempotencyKeyError } from "../revisions/idempotency-key";
import { findKeyedWrite } from "../revisions/keyed-write";
import { keyReusedError, requestFingerprint, sameRequest } from "../revisions/request-fingerprint";
import { writeTransaction } from "../revisions/write-transaction";
import { lockStory } from "./lock-story";
import { readStory } from "./read-story";
import type { StoryDto } from "./story-dto";

/**
 * Moves a story between published and unpublished, appending the change to its status history in the same
 * transaction. Only the status moves: the live revision and the reader's "Updated" instant stay as they were.
 */
export async function changeStoryStatus(options: {
  actor: Actor;
  slug: string;
  action: Exclude<StatusAction, "publish">;
  reason: string | null;
  idempotencyKey?: string;
}): Promise<StoryDto> {
  const { actor, slug, action, idempotencyKey } = options;
  const keyError = idempotencyKeyError({ key: idempotencyKey });
  if (keyError) throw keyError;
  const fingerprint = requestFingerprint({ operation: action, slug, callerId: actor.userId, input: { reason: options.reason } });
  await writeTransaction({
    work: async (tx) => {
      const story = await lockStory({ tx, slug });
      if (idempotencyKey) {
        // A retried status change answers as the first one did, without a second entry in the status history.
        const earlier = await findKeyedWrite({ tx, storyId: story.id, key: idempotencyKey });
        if (earlier) {
          if (earlier.type !== "status" || !sameRequest({ stored: earlier.fingerprint, fingerprint })) throw keyReusedError();
          return;
        }
      }
      const from = action === "unpublish" ? "published" : "unpublished";
      if (story.status !== from) {
        throw new AppError({
          code: "unprocessable",
          message: `cannot ${action} story ${slug} in status ${story.status}`,
          userMessage:
            action === "unpublish" ? "This story is not published, so it cannot be unpublished." : "Only an unpublished story can be republished.",
          details: { status: story.status },
        });
      }
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`) as [{ now: Date }];
      await tx.story.update({ where: { id: story.id }, data: { status: action === "unpublish" ? "unpublished" : "published" } });
      await tx.storyStatusEvent.create({
        data: {
          storyId: story.id,
          action,
          revisionNumber: story.liveRevisionNumber,
          actorId: actor.userId,
          reason: options.reason,
          createdAt: now,
          ...(idempotencyKey ? { idempotencyKey, requestFingerprint: fingerprint } : {}),
        },
      });
    },
  });
  return (await readStory({ slug })).story;
}
