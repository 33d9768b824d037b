import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { InboxKind } from "@/lib/db/generated/enums";
import { queueInboxMail } from "@/lib/mail/queue-inbox-mail";

/** One event for one person's desk inbox. */
export type InboxNotice = {
  recipientId: string;
  kind: InboxKind;
  /**
   * Names the event, so a person hears of it once however many ways it reaches them (a reply that also
   * mentions them is one notice): e.g. `comment:<commentId>`, `request:<requestId>`, `decision:<requestId>`.
   */
  eventKey: string;
  storyId: string;
  actorId: string;
  reviewRequestId?: string;
  threadId?: string;
  commentId?: string;
};

/**
 * Puts notices into people's inboxes, in the caller's transaction, so a notice exists exactly when the act
 * that caused it committed. Nobody is told of their own act, deactivated people are told nothing, and the
 * first notice of an event for a person wins (a mention in a reply is not also a "reply" notice): order the
 * notices most specific first. Each new item's mail is queued too (lib/mail/queue-inbox-mail.ts). Returns the ids
 * of the inbox items created.
 */
export async function notifyInbox(options: {
  tx: Prisma.TransactionClient;
  notices: InboxNotice[];
}): Promise<string[]> {
  const { tx } = options;
  const seen = new Set<string>();
  const notices = options.notices.filter((notice) => {
    if (notice.recipientId === notice.actorId) return false;
    // One notice per person per act: the first (most specific) kind wins.
    const key = `${notice.recipientId}\u0000${notice.eventKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (notices.length === 0) return [];
  const active = await tx.user.findMany({
    where: { id: { in: [...new Set(notices.map((notice) => notice.recipientId))] }, active: true },
    select: { id: true },
  });
  const activeIds = new Set(active.map((user) => user.id));
  const created = await tx.inboxItem.createManyAndReturn({
    data: notices.filter((notice) => activeIds.has(notice.recipientId)),
    skipDuplicates: true,
    select: { id: true },
  });
  const ids = created.map((item) => item.id);
  // Their mail, in the same transaction: queued only when SMTP is set up and the person wants it; sent later
  // by the job queue, so a mail server's trouble never holds up or fails the act (lib/mail).
  await queueInboxMail({ tx, inboxItemIds: ids });
  return ids;
}
