import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { notifyInbox, type InboxNotice } from "@/lib/inbox/notify-inbox";

import { resolveMentions } from "./mentions";

/**
 * Who hears of a new comment, most specific first, so each person gets one notice for it: the people it
 * mentions ("mention"), then for a reply the thread's earlier participants ("reply"), then whoever's work it
 * is about: the author of the reviewed revision and whoever submitted it for review ("comment").
 */
export async function notifyOfComment(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  actorId: string;
  thread: { id: string; revisionNumber: number; reviewRequestId: string | null };
  commentId: string;
  body: string;
  isReply: boolean;
}): Promise<void> {
  const { tx, storyId, actorId, thread, commentId } = options;
  const base = {
    eventKey: `comment:${commentId}`,
    storyId,
    actorId,
    threadId: thread.id,
    commentId,
    ...(thread.reviewRequestId ? { reviewRequestId: thread.reviewRequestId } : {}),
  };
  const notices: InboxNotice[] = [];
  for (const recipientId of await resolveMentions({ tx, body: options.body }))
    notices.push({ ...base, recipientId, kind: "mention" });
  if (options.isReply) {
    const participants = await tx.reviewComment.findMany({
      where: { threadId: thread.id },
      distinct: ["authorId"],
      select: { authorId: true },
    });
    for (const { authorId } of participants) notices.push({ ...base, recipientId: authorId, kind: "reply" });
  }
  const [revision, requests] = await Promise.all([
    tx.revision.findUnique({
      where: { storyId_number: { storyId, number: thread.revisionNumber } },
      select: { authorId: true },
    }),
    tx.reviewRequest.findMany({
      where: { storyId, revisionNumber: thread.revisionNumber },
      distinct: ["submittedById"],
      select: { submittedById: true },
    }),
  ]);
  if (revision) notices.push({ ...base, recipientId: revision.authorId, kind: "comment" });
  for (const { submittedById } of requests)
    notices.push({ ...base, recipientId: submittedById, kind: "comment" });
  await notifyInbox({ tx, notices });
}
