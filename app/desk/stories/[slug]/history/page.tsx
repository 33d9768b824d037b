import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DiffQuickPicks } from "@/app/desk/_components/diff-quick-picks";
import { orNotFound } from "@/app/desk/_components/or-not-found";
import { RevisionTimelineEntry } from "@/app/desk/_components/revision-timeline-entry";
import { StatusHistory } from "@/app/desk/_components/status-history";
import { StoryHeader } from "@/app/desk/_components/story-header";
import { can } from "@/lib/auth/permissions";
import { DeskHistoryQueryInput, firstValues } from "@/lib/desk/desk-query-input";
import { readDeskPendingChanges } from "@/lib/desk/desk-story-context";
import { getLastSeenRevision } from "@/lib/desk/presence";
import { minorCheckOf, substantiveChanges } from "@/lib/editorial/minor-change-check";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { savableKinds } from "@/lib/revisions/save-revision-input";
import { getStoryDetail } from "@/lib/stories/get-story-detail";
import { listStatusEvents } from "@/lib/stories/list-status-events";
import { isOneOf } from "@/lib/validation/one-of";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `History of ${(await params).slug}` };
}

const pageSize = 20;

export default async function HistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requirePageActor({
    permission: "desk:read",
    callbackPath: `/desk/stories/${slug}/history`,
  });
  const { cursor } = DeskHistoryQueryInput.parse(firstValues(await searchParams));
  const { story, live, latest: newest } = await orNotFound(() => getStoryDetail({ slug, actor }));
  const canPublishDraft =
    can({ actor, permission: "revision:publish" }) &&
    story.status !== "unpublished" &&
    story.status !== "withdrawn" &&
    story.liveRevisionNumber !== story.latestRevisionNumber;
  const publishDraft = canPublishDraft
    ? {
        draftKind: isOneOf(savableKinds, newest.kind) ? newest.kind : ("update" as const),
        pending: await readDeskPendingChanges({ slug, liveNumber: story.liveRevisionNumber }),
        firstPublication: story.firstPublishedAt === null,
        substantive: live
          ? substantiveChanges({ before: minorCheckOf(live.content), after: minorCheckOf(newest.content) })
          : [],
      }
    : null;
  const [page, lastSeen, statusEvents] = await Promise.all([
    listRevisions({ actor, slug, cursor, limit: pageSize }),
    getLastSeenRevision({ slug, actor }),
    cursor ? [] : listStatusEvents({ actor, slug, limit: 20 }),
  ]);
  const latest = story.latestRevisionNumber;
  const defaultTo = latest;
  const defaultFrom = Math.max(1, latest - 1);

  return (
    <>
      <StoryHeader story={story} current="history" />
      <DiffQuickPicks slug={slug} latest={latest} live={story.liveRevisionNumber} lastSeen={lastSeen} />
      <form
        id="compare-form"
        className="desk-compare-form"
        action={`/desk/stories/${slug}/compare`}
        method="get"
      >
        <p className="desk-hint">Pick a “From” and a “To” revision below, then compare them.</p>
        <button type="submit" className="desk-button">
          Compare selected revisions
        </button>
      </form>
      <h2 className="visually-hidden">Revisions, newest first</h2>
      <ol className="desk-timeline">
        {page.revisions.map((revision) => (
          <RevisionTimelineEntry
            key={revision.number}
            slug={slug}
            revision={revision}
            latest={latest}
            live={story.liveRevisionNumber}
            storyIsLive={story.status === "published"}
            canRestore={can({ actor, permission: "revision:restore" })}
            publishDraft={publishDraft}
            storyIsPulled={story.status === "unpublished" || story.status === "withdrawn"}
            defaultFrom={defaultFrom}
            defaultTo={defaultTo}
          />
        ))}
      </ol>
      <StatusHistory events={statusEvents} />
      <nav className="desk-pager" aria-label="History pages">
        {cursor ? <Link href={`/desk/stories/${slug}/history`}>← Newest revisions</Link> : <span />}
        {page.nextCursor ? (
          <Link href={`/desk/stories/${slug}/history?cursor=${page.nextCursor}`}>Older revisions →</Link>
        ) : null}
      </nav>
    </>
  );
}
