import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";

import { isUuid } from "./read-threads";
import { recordThreadEvent, threadNotFound, writeThreadAct, type ThreadActResult } from "./thread-write";

/**
 * Resolves a thread (`resolved: true`) or reopens it. The person who started it may, and so may an editor;
 * a contributor may not settle someone else's thread.
 */
export async function setThreadResolved(options: {
  actor: Actor;
  slug: string;
  threadId: string;
  resolved: boolean;
  idempotencyKey?: string;
}): Promise<ThreadActResult> {
  const { actor, slug, threadId, resolved } = options;
  assertCan({ actor, permission: "review:comment" });
  const verb = resolved ? "resolve" : "reopen";
  return writeThreadAct({
    actor,
    slug,
    operation: `${verb}-thread`,
    input: { threadId },
    idempotencyKey: options.idempotencyKey,
    step: async ({ tx, story, key }) => {
      const thread = isUuid(threadId)
        ? await tx.reviewThread.findFirst({
            where: { id: threadId, storyId: story.id },
            select: {
              id: true,
              revisionNumber: true,
              reviewRequestId: true,
              createdById: true,
              resolvedAt: true,
            },
          })
        : null;
      if (!thread) throw threadNotFound({ threadId });
      if (thread.createdById !== actor.userId && !can({ actor, permission: "review:decide" })) {
        throw new AppError({
          code: "forbidden",
          message: `${actor.email} (${actor.role}) may not ${verb} thread ${threadId} started by someone else`,
          userMessage: `Only the person who started this thread, or an editor, can ${verb} it.`,
        });
      }
      if ((thread.resolvedAt !== null) === resolved) {
        throw new AppError({
          code: "conflict",
          message: `thread ${threadId} already ${resolved ? "resolved" : "open"}`,
          userMessage: resolved ? "This thread is already resolved." : "This thread is already open.",
        });
      }
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`) as [
        { now: Date },
      ];
      await tx.reviewThread.update({
        where: { id: thread.id },
        data: resolved
          ? { resolvedAt: now, resolvedById: actor.userId }
          : { resolvedAt: null, resolvedById: null },
      });
      await recordThreadEvent({
        tx,
        storyId: story.id,
        actorId: actor.userId,
        action: resolved ? "resolve_thread" : "reopen_thread",
        thread,
        key,
      });
      return { threadId: thread.id, commentId: null };
    },
  });
}
