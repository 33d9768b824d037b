import type { InboxKind } from "@/lib/db/generated/enums";

/** One notice in a person's desk inbox. `href` leads through the desk, which marks it read on the way. */
export type InboxItemDto = {
  id: string;
  kind: InboxKind;
  createdAt: string;
  read: boolean;
  actor: { id: string; name: string };
  story: { slug: string; headline: string };
  reviewRequestId: string | null;
  threadId: string | null;
  commentId: string | null;
  /** The start of the comment it is about, for comments, replies and mentions. */
  excerpt: string | null;
  href: string;
};

/** The one address of an inbox item, in the desk and in email: it checks the item is yours and marks it read. */
export function inboxItemPath(id: string): string {
  return `/desk/inbox/${id}`;
}
