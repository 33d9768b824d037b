import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { StatusAction, StoryStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { idempotencyKeyError } from "@/lib/revisions/idempotency-key";
import { findReplayedWrite } from "@/lib/revisions/keyed-write";
import { requestFingerprint } from "@/lib/revisions/request-fingerprint";
import { writeTransaction } from "@/lib/revisions/write-transaction";

import { lockStory } from "./lock-story";
import { readStory } from "./read-story";
import type { StoryDto } from "./story-dto";

type StatusChange = Extract<StatusAction, "unpublish" | "republish" | "withdraw">;

/**
 * Which status each change starts from and leads to. Withdrawing also covers a story already unpublished
 * quietly (the editor decides readers should be told after all); a withdrawn story is never quietly
 * unpublished, since that would take its note away from readers; republishing ends either.
 */
const transitions: Record<StatusChange, { from: readonly StoryStatus[]; to: StoryStatus; refusal: string }> =
  {
    unpublish: {
      from: ["published"],
      to: "unpublished",
      refusal: "This story is not published, so it cannot be unpublished.",
    },
    republish: {
      from: ["unpublished", "withdrawn"],
      to: "published",
      refusal: "Only an unpublished or withdrawn story can be republished.",
    },
    withdraw: {
      from: ["published", "unpublished"],
      to: "withdrawn",
      refusal: "Only a published or unpublished story can be withdrawn.",
    },
  };

/**
 * Moves a story between published, unpublished and withdrawn, appending the change to its status history in
 * the same transaction. Only the status moves: the live revision and the reader's "Updated" instant stay as
 * they were.
 */
export async function changeStoryStatus(options: {
  actor: Actor;
  slug: string;
  action: StatusChange;
  reason: string | null;
  idempotencyKey?: string;
  /** The note readers see at a withdrawn story's address. */
  publicNote?: string | null;
}): Promise<StoryDto> {
  const { actor, slug, action, idempotencyKey } = options;
  const keyError = idempotencyKeyError({ key: idempotencyKey });
  if (keyError) throw keyError;
  const fingerprint = requestFingerprint({
    operation: action,
    slug,
    callerId: actor.userId,
    input: { reason: options.reason, publicNote: options.publicNote ?? null },
  });
  await writeTransaction({
    work: async (tx) => {
      const story = await lockStory({ tx, slug });
      // A retried status change answers as the first one did, without a second entry in the status history.
      if (
        await findReplayedWrite({ tx, storyId: story.id, key: idempotencyKey, fingerprint, type: "status" })
      )
        return;
      const transition = transitions[action];
      if (!transition.from.includes(story.status)) {
        throw new AppError({
          code: "unprocessable",
          message: `cannot ${action} story ${slug} in status ${story.status}`,
          userMessage: transition.refusal,
          details: { status: story.status },
        });
      }
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`) as [
        { now: Date },
      ];
      await tx.story.update({ where: { id: story.id }, data: { status: transition.to } });
      await tx.storyStatusEvent.create({
        data: {
          storyId: story.id,
          action,
          revisionNumber: story.liveRevisionNumber,
          actorId: actor.userId,
          reason: options.reason,
          publicNote: options.publicNote ?? null,
          createdAt: now,
          ...(idempotencyKey ? { idempotencyKey, requestFingerprint: fingerprint } : {}),
        },
      });
    },
  });
  return (await readStory({ slug })).story;
}
