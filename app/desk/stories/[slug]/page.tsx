import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { draftFromContent } from "@/app/desk/_components/editor-draft";
import { orNotFound } from "@/app/desk/_components/or-not-found";
import { StoryReviewPanel } from "@/app/desk/_components/review/story-review-panel";
import { SchedulePanel } from "@/app/desk/_components/schedule-panel";
import { StoryEditor } from "@/app/desk/_components/story-editor";
import { StoryHeader } from "@/app/desk/_components/story-header";
import { can } from "@/lib/auth/permissions";
import { readDeskStoryContext } from "@/lib/desk/desk-story-context";
import { readSinceYouLastLooked } from "@/lib/desk/presence";
import { minorCheckOf } from "@/lib/editorial/minor-change-check";
import { listLegalRemovals } from "@/lib/legal-removals/list-legal-removals";
import { readStoryReview } from "@/lib/reviews/story-review";
import { getStoryDetail } from "@/lib/revisions/story-detail";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Edit ${(await params).slug}` };
}

export default async function EditStoryPage({ params }: Params) {
  const { slug } = await params;
  const actor = await requirePageActor({ permission: "desk:read", callbackPath: `/desk/stories/${slug}` });
  const { story, latest, live } = await orNotFound(() => getStoryDetail({ slug, actor }));
  // Read before this visit's first heartbeat moves it on.
  const [sinceLastLooked, context, review] = await Promise.all([
    readSinceYouLastLooked({ slug, actor }),
    readDeskStoryContext({ slug, upTo: story.liveRevisionNumber ?? 0 }),
    readStoryReview({ actor, slug }),
  ]);
  const canPublish = can({ actor, permission: "revision:publish" });
  const canRemove = can({ actor, permission: "legal:remove" });
  const pendingRemovals = canRemove ? await listLegalRemovals({ actor, slug, state: "pending" }) : [];
  return (
    <>
      <StoryHeader
        story={story}
        current="edit"
        canChangeStatus={can({ actor, permission: "story:unpublish" })}
        canRequestRemoval={canRemove}
      />
      {pendingRemovals.map((removal) => (
        <div key={removal.number} className="desk-notice desk-notice-warn">
          <p>
            Removal {removal.number}, asked by {removal.requestedBy.name}, waits for{" "}
            {removal.waitingForYou ? "your approval" : "another admin’s approval"}. Nothing is removed until
            then.
          </p>
          <Link className="desk-button desk-button-small" href={`/desk/removals/${removal.number}`}>
            Open removal {removal.number}
          </Link>
        </div>
      ))}
      {sinceLastLooked ? (
        <div className="desk-notice desk-notice-info">
          <p>
            Since you last looked (revision {sinceLastLooked.lastSeen}),{" "}
            {sinceLastLooked.savedByOthers === 1
              ? "1 revision was"
              : `${sinceLastLooked.savedByOthers} revisions were`}{" "}
            saved by others.
          </p>
          <Link
            className="desk-button desk-button-small"
            href={`/desk/stories/${slug}/compare?from=${sinceLastLooked.lastSeen}&to=${story.latestRevisionNumber}`}
          >
            See what changed
          </Link>
        </div>
      ) : null}
      {story.liveRevisionNumber !== null && story.latestRevisionNumber > story.liveRevisionNumber ? (
        <div className="desk-notice desk-notice-info">
          <p>
            You are editing revision {story.latestRevisionNumber}, a draft ({latest.author.name}); readers see
            revision {story.liveRevisionNumber}.
          </p>
          <Link
            className="desk-button desk-button-small"
            href={`/desk/stories/${slug}/compare?from=${story.liveRevisionNumber}&to=${story.latestRevisionNumber}`}
          >
            Compare with live
          </Link>
        </div>
      ) : null}
      <StoryReviewPanel actor={actor} story={story} review={review} />
      <StoryEditor
        // A legal removal changes the text without a new revision: the editor starts again on the redacted text.
        key={`${slug}:${story.latestRevisionNumber}:${story.legalRemovalCount}`}
        userId={actor.userId}
        slug={slug}
        baseRevision={story.latestRevisionNumber}
        // Read with the story row, before its text: a removal landing in between makes the save refuse, never pass.
        legalRemovalsSeen={story.legalRemovalCount}
        initialContent={draftFromContent(latest.content)}
        canPublish={canPublish}
        isLive={story.liveRevisionNumber !== null}
        status={story.status}
        pending={context.pending}
        liveCheck={live ? minorCheckOf(live.content) : null}
        contributorNames={context.contributorNames}
        review={review.newestText}
        preview={{
          slug,
          newsroom: context.newsroom,
          notes: context.notes,
          removalNotices: context.removalNotices,
          firstPublishedAt: story.firstPublishedAt,
          lastMaterialUpdateAt: story.lastMaterialUpdateAt,
        }}
      />
      <SchedulePanel
        actor={actor}
        slug={slug}
        latestRevision={story.latestRevisionNumber}
        released={story.firstPublishedAt !== null}
      />
    </>
  );
}
