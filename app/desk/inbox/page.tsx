import type { Metadata } from "next";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import type { InboxKind } from "@/lib/db/generated/enums";
import { listInbox } from "@/lib/inbox/inbox";
import type { InboxItemDto } from "@/lib/inbox/inbox-item-dto";

import { MarkAllReadButton } from "./mark-all-read-button";

import "./inbox.css";

export const metadata: Metadata = { title: "Inbox" };

const kindWords: Record<InboxKind, string> = {
  mention: "mentioned you on",
  comment: "commented on your work on",
  reply: "replied in a thread on",
  review_requested: "asked for your review of",
  decision: "decided on the review of",
};

/** What happened, in the newsroom's words: a decision says which way it went, and of which revision. */
function whatHappened(item: InboxItemDto): string {
  const review = item.review;
  if (!review) return kindWords[item.kind];
  if (item.kind === "review_requested") return `asked for your review of revision ${review.revision} of`;
  if (item.kind !== "decision") return kindWords[item.kind];
  if (review.state === "approved") return `approved revision ${review.revision} of`;
  if (review.state === "changes_requested") return `requested changes to revision ${review.revision} of`;
  return kindWords[item.kind];
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The desk inbox: review requests, comments on one's work, replies, mentions and decisions, newest first.
 * Each leads through /desk/inbox/<id>, which marks it read on the way to the comment or review.
 */
export default async function InboxPage({ searchParams }: Props) {
  const actor = await requirePageActor({ permission: "inbox:own", callbackPath: "/desk/inbox" });
  const { items, unread } = await listInbox({ actor, query: { limit: "100" } });
  const missing = (await searchParams).missing !== undefined;
  return (
    <>
      <div className="desk-title-row">
        <h1>Inbox</h1>
        {unread > 0 ? <MarkAllReadButton /> : null}
      </div>
      {missing ? (
        <div className="desk-notice desk-notice-warn" role="alert">
          <p>There is no such item in your inbox.</p>
        </div>
      ) : null}
      <p className="desk-muted" role="status">
        {unread === 0 ? "Nothing unread." : unread === 1 ? "1 unread notice." : `${unread} unread notices.`}
      </p>
      {items.length === 0 ? (
        <p className="desk-muted">
          Comments on your work, replies, mentions and review requests will appear here.
        </p>
      ) : (
        <ol className="desk-inbox">
          {items.map((item) => (
            <li key={item.id} className={item.read ? "desk-inbox-item" : "desk-inbox-item desk-inbox-unread"}>
              {/* A plain link: following it marks the item read, so it must never be prefetched. */}
              <a href={item.href} className="desk-inbox-link">
                {item.read ? null : <span className="visually-hidden">Unread: </span>}
                <span className="desk-inbox-what">
                  <strong>{item.actor.name}</strong> {whatHappened(item)}{" "}
                  <span className="desk-inbox-story">
                    <RemovalMarkedText text={item.story.headline} />
                  </span>
                </span>
                {item.excerpt ? <span className="desk-inbox-excerpt">{item.excerpt}</span> : null}
              </a>
              <span className="desk-inbox-when desk-small desk-muted">
                <DeskTime iso={item.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
