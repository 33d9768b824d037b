import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/review-threads/read-threads";
import { parseInput } from "@/lib/validation/parse-input";

import { InboxListInput, MarkInboxReadInput } from "./inbox-input";
import { inboxItemPath, type InboxItemDto } from "./inbox-item-dto";

const excerptLength = 240;

const itemSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  reviewRequestId: true,
  threadId: true,
  commentId: true,
  actor: { select: { id: true, name: true } },
  story: {
    select: {
      slug: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { headline: true } },
    },
  },
  comment: { select: { body: true } },
} satisfies Prisma.InboxItemSelect;

type ItemRow = Prisma.InboxItemGetPayload<{ select: typeof itemSelect }>;

function toDto(row: ItemRow): InboxItemDto {
  const body = row.comment?.body ?? null;
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
    actor: row.actor,
    story: { slug: row.story.slug, headline: row.story.revisions[0]?.headline ?? row.story.slug },
    reviewRequestId: row.reviewRequestId,
    threadId: row.threadId,
    commentId: row.commentId,
    excerpt: body === null ? null : body.length > excerptLength ? `${body.slice(0, excerptLength)}…` : body,
    href: inboxItemPath(row.id),
  };
}

/** The actor's own inbox, newest first (at most `limit`, 50 unless said), and how many are unread. */
export async function listInbox(options: {
  actor: Actor;
  query?: unknown;
}): Promise<{ items: InboxItemDto[]; unread: number }> {
  assertCan({ actor: options.actor, permission: "inbox:own" });
  const query = parseInput({ schema: InboxListInput, input: options.query ?? {} });
  const recipientId = options.actor.userId;
  const db = getDb();
  const [rows, unread] = await Promise.all([
    db.inboxItem.findMany({
      where: { recipientId, ...(query.unread === "true" ? { readAt: null } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit ?? 50,
      select: itemSelect,
    }),
    db.inboxItem.count({ where: { recipientId, readAt: null } }),
  ]);
  return { items: rows.map(toDto), unread };
}

/** How many of the actor's inbox items are unread: the count beside Inbox in the desk's navigation. */
export async function countUnread(options: { actor: Actor }): Promise<number> {
  assertCan({ actor: options.actor, permission: "inbox:own" });
  return getDb().inboxItem.count({ where: { recipientId: options.actor.userId, readAt: null } });
}

/**
 * Marks the actor's own items read: those named (ids that are not the actor's are ignored, never told
 * apart from unknown ones) or all. Returns how many changed.
 */
export async function markInboxRead(options: { actor: Actor; input: unknown }): Promise<{ marked: number }> {
  assertCan({ actor: options.actor, permission: "inbox:own" });
  const input = parseInput({ schema: MarkInboxReadInput, input: options.input });
  const ids = "items" in input ? input.items.filter(isUuid) : null;
  const { count } = await getDb().inboxItem.updateMany({
    where: { recipientId: options.actor.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}

/**
 * Opens one of the actor's inbox items: marks it read and says where on the desk it leads. Someone else's
 * item is answered exactly as one that does not exist.
 */
export async function openInboxItem(options: { actor: Actor; id: string }): Promise<{ path: string }> {
  assertCan({ actor: options.actor, permission: "inbox:own" });
  const db = getDb();
  const item = isUuid(options.id)
    ? await db.inboxItem.findFirst({
        where: { id: options.id, recipientId: options.actor.userId },
        select: {
          id: true,
          readAt: true,
          commentId: true,
          story: { select: { slug: true } },
          thread: { select: { revisionNumber: true, anchorRevisionNumber: true } },
          reviewRequest: { select: { revisionNumber: true } },
        },
      })
    : null;
  if (!item) {
    throw new AppError({
      code: "not_found",
      message: `inbox item ${options.id} not found for ${options.actor.userId}`,
      userMessage: "There is no such item in your inbox.",
    });
  }
  if (item.readAt === null)
    await db.inboxItem.updateMany({ where: { id: item.id, readAt: null }, data: { readAt: new Date() } });
  const story = `/desk/stories/${item.story.slug}`;
  const compare = (from: number, to: number) => `${story}/compare?from=${Math.max(1, from)}&to=${to}`;
  if (item.thread && item.commentId) {
    const { revisionNumber: reviewed, anchorRevisionNumber: anchor } = item.thread;
    const hash = `#comment-${item.commentId}`;
    if (anchor === null) return { path: `${story}/revisions/${reviewed}${hash}` };
    // Words in the new text show in the changes that made the revision; a removed passage beside what it became.
    const from = anchor < reviewed ? anchor : reviewed - 1;
    return {
      path: from >= 1 ? `${compare(from, reviewed)}${hash}` : `${story}/revisions/${reviewed}${hash}`,
    };
  }
  if (item.reviewRequest) {
    const reviewed = item.reviewRequest.revisionNumber;
    return { path: reviewed > 1 ? compare(reviewed - 1, reviewed) : `${story}/revisions/${reviewed}` };
  }
  return { path: story };
}
