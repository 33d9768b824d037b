import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";

import { isUuid } from "./read-threads";
import { ReplyInput } from "./review-thread-input";
import { postComment, threadNotFound, writeThreadAct, type ThreadActResult } from "./thread-write";

/**
 * A reply in a thread of the story. A resolved thread takes replies too (someone may disagree); it stays
 * resolved until someone reopens it. Those mentioned, the thread's participants and the revision's author hear
 * of it.
 */
export async function replyToThread(options: {
  actor: Actor;
  slug: string;
  threadId: string;
  input: unknown;
  idempotencyKey?: string;
}): Promise<ThreadActResult> {
  const { actor, slug, threadId } = options;
  assertCan({ actor, permission: "review:comment" });
  const input = parseInput({ schema: ReplyInput, input: options.input });
  return writeThreadAct({
    actor,
    slug,
    operation: "reply",
    input: { threadId, ...input },
    idempotencyKey: options.idempotencyKey,
    step: async ({ tx, story, key }) => {
      const thread = isUuid(threadId)
        ? await tx.reviewThread.findFirst({
            where: { id: threadId, storyId: story.id },
            select: { id: true, revisionNumber: true, reviewRequestId: true },
          })
        : null;
      if (!thread) throw threadNotFound({ threadId });
      return postComment({
        tx,
        storyId: story.id,
        actorId: actor.userId,
        thread,
        body: input.body,
        isReply: true,
        key,
      });
    },
  });
}
