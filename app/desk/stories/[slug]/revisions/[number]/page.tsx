import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { StoryArticleView } from "@/app/_components/story-article-view";
import { orNotFound } from "@/app/desk/_components/or-not-found";
import { photoPreviewPath } from "@/app/desk/_components/photo-paths";
import { RestoreRevisionButton } from "@/app/desk/_components/restore-revision-button";
import { ReviewTextLayout } from "@/app/desk/_components/review/review-text-layout";
import { ReviewThreadsPanel } from "@/app/desk/_components/review/review-threads-panel";
import { RevisionTextView } from "@/app/desk/_components/review/revision-text-view";
import { RevisionKindBadge } from "@/app/desk/_components/revision-kind-badge";
import { StoryHeader } from "@/app/desk/_components/story-header";
import { can } from "@/lib/auth/permissions";
import { readDeskStoryContext } from "@/lib/desk/desk-story-context";
import { bodyPhotoIds } from "@/lib/render/body-photo-placeholder";
import type { PublicArticle, PublicArticleNote } from "@/lib/render/public-article";
import { renderStoryBodyOffLoop } from "@/lib/render/story-body-off-loop";
import { readReviewView } from "@/lib/review-threads/review-view";
import { getRevision } from "@/lib/revisions/get-revision";
import { materialKinds, noteRequiredKinds } from "@/lib/revisions/revision-content";
import { RevisionNumberInput } from "@/lib/revisions/revision-number-input";
import { getStoryOrThrow } from "@/lib/stories/story";
import { isOneOf } from "@/lib/validation/one-of";

type Props = {
  params: Promise<{ slug: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, number } = await params;
  return { title: `Revision ${number} · ${slug}` };
}

export default async function RevisionPage({ params, searchParams }: Props) {
  const { slug, number: rawNumber } = await params;
  const actor = await requirePageActor({
    permission: "desk:read",
    callbackPath: `/desk/stories/${slug}/revisions/${rawNumber}`,
  });
  const parsed = RevisionNumberInput.safeParse(rawNumber);
  if (!parsed.success) notFound();
  const number = parsed.data;
  const story = await orNotFound(() => getStoryOrThrow({ slug, actor }));
  const revision = await orNotFound(() => getRevision({ actor, slug, number }));
  const context = await readDeskStoryContext({ slug, upTo: number });
  const isLive = story.liveRevisionNumber === number;
  // "text": the revision's words as typed, to select and comment on; otherwise the page as readers would see it.
  const asText = (await searchParams).view === "text";
  const here = `/desk/stories/${slug}/revisions/${number}`;
  const now = new Date().toISOString();

  // A draft is shown as it would read if published now: its own note joins the published ones.
  const notes: PublicArticleNote[] = [...context.notes];
  if (!revision.published && revision.publicNote && isOneOf(noteRequiredKinds, revision.kind)) {
    notes.push({
      kind: revision.kind,
      text: revision.publicNote,
      publishedAt: now,
    });
  }
  const material = isOneOf(materialKinds, revision.kind);
  const article: PublicArticle = {
    slug,
    ...revision.content,
    // Library photos preview through the desk's redirect to a rendition; older images keep their URL.
    images: revision.content.images.map(({ photoId, url, alt, caption, credit }) => ({
      url: photoId ? photoPreviewPath(photoId) : url,
      alt,
      caption,
      credit,
    })),
    bodyPhotos: bodyPhotoIds(revision.content.body).map((photoId) => ({
      photoId,
      url: photoPreviewPath(photoId),
    })),
    firstPublishedAt: story.firstPublishedAt,
    lastMaterialUpdateAt:
      !revision.published && material && story.firstPublishedAt ? now : story.lastMaterialUpdateAt,
    notes,
    removalNotices: context.removalNotices,
    newsroom: context.newsroom,
  };
  const [body, review] = await Promise.all([
    // The text view shows the Markdown as typed: no rendering to wait for.
    asText ? undefined : renderStoryBodyOffLoop({ markdown: article.body }),
    readReviewView({ actor, slug, to: number }),
  ]);

  return (
    <>
      <StoryHeader story={story} current={number === story.latestRevisionNumber ? "preview" : "history"} />
      <div className="desk-revision-meta desk-panel">
        <h2>
          Revision {number} <RevisionKindBadge kind={revision.kind} />{" "}
          {isLive ? (
            <span className="desk-badge desk-badge-live">Live</span>
          ) : revision.published ? (
            <span className="desk-badge desk-badge-published">Published</span>
          ) : (
            <span className="desk-badge desk-badge-draft">Draft</span>
          )}
        </h2>
        <p className="desk-small desk-muted">
          Saved <DeskTime iso={revision.createdAt} /> by {revision.author.name}
          {revision.publishedAt ? (
            <>
              {" "}
              · published <DeskTime iso={revision.publishedAt} relative={false} />
            </>
          ) : null}
        </p>
        {revision.summary ? <p>{revision.summary}</p> : null}
        <div className="desk-button-row">
          {number > 1 ? (
            <Link
              className="desk-button desk-button-small"
              href={`/desk/stories/${slug}/compare?from=${number - 1}&to=${number}`}
            >
              Changes in this revision
            </Link>
          ) : null}
          {story.liveRevisionNumber !== null && !isLive ? (
            <Link
              className="desk-button desk-button-small"
              href={`/desk/stories/${slug}/compare?from=${story.liveRevisionNumber}&to=${number}`}
            >
              Compare with live
            </Link>
          ) : null}
          {can({ actor, permission: "revision:restore" }) && number !== story.latestRevisionNumber ? (
            <RestoreRevisionButton
              slug={slug}
              number={number}
              latest={story.latestRevisionNumber}
              storyIsLive={story.status === "published"}
              storyIsPulled={story.status === "unpublished"}
            />
          ) : null}
        </div>
      </div>
      <div className="desk-review-show">
        <nav className="desk-segmented" aria-label="Show">
          <Link href={here} aria-current={asText ? undefined : "page"}>
            As readers see it
          </Link>
          <Link href={`${here}?view=text`} aria-current={asText ? "page" : undefined}>
            Text to comment on
          </Link>
        </nav>
      </div>
      {asText ? (
        <ReviewTextLayout slug={slug} to={number} review={review}>
          <RevisionTextView content={revision.content} bodyStarts={review.body.to} />
        </ReviewTextLayout>
      ) : (
        <div className="desk-review-layout">
          <section
            className="desk-preview desk-preview-full"
            aria-label={`Revision ${number} as readers would see it`}
          >
            <p
              className={isLive ? "desk-preview-band desk-preview-band-live" : "desk-preview-band"}
              role="note"
            >
              {isLive
                ? "Live — this is what readers see now"
                : revision.published
                  ? `Revision ${number} — published earlier, no longer live`
                  : "Preview — not published"}
            </p>
            <div className="desk-preview-page">
              <StoryArticleView article={article} body={body} />
            </div>
          </section>
          <ReviewThreadsPanel slug={slug} revision={number} review={review} textHref={`${here}?view=text`} />
        </div>
      )}
    </>
  );
}
