"use client";

import { useDeferredValue, useMemo, useState } from "react";

import { StoryArticleView } from "@/app/_components/story-article-view";
import { bodyPhotoIds } from "@/lib/render/body-photo-placeholder";
import type {
  NewsroomPresentation,
  PublicArticle,
  PublicArticleNote,
  PublicRemovalNotice,
} from "@/lib/render/public-article";
import { noteRequiredKinds } from "@/lib/revisions/revision-content";
import { isOneOf } from "@/lib/validation/one-of";

import type { ChangeDraft, ContentDraft } from "./editor-draft";
import { photoPreviewPath } from "./photo-paths";

export type PreviewContext = {
  slug: string;
  newsroom: NewsroomPresentation;
  /** Notes of corrections already published on the story, oldest first. */
  notes: PublicArticleNote[];
  /** Notices of the story's approved legal removals, shown where readers get them. */
  removalNotices: PublicRemovalNotice[];
  firstPublishedAt: string | null;
  lastMaterialUpdateAt: string | null;
};

function previewArticle(
  content: ContentDraft,
  change: ChangeDraft | null,
  context: PreviewContext,
): PublicArticle {
  const notes = [...context.notes];
  if (change && isOneOf(noteRequiredKinds, change.kind) && change.note.trim()) {
    notes.push({
      kind: change.kind,
      text: change.note.trim(),
      publishedAt: new Date().toISOString(),
    });
  }
  return {
    slug: context.slug || "preview",
    headline: content.headline || "Untitled story",
    dek: content.dek,
    byline: content.byline,
    body: content.body,
    images: content.images
      .filter((image) => image.photoId || image.url.trim())
      .map(({ photoId, url, alt, caption, credit }) => ({
        url: photoId ? photoPreviewPath(photoId) : url,
        alt,
        caption,
        credit,
      })),
    // Photos placed in the body preview through the same desk redirect as list photos.
    bodyPhotos: bodyPhotoIds(content.body).map((photoId) => ({ photoId, url: photoPreviewPath(photoId) })),
    credits: content.credits
      .filter((credit) => credit.name.trim())
      .map((credit) => ({ name: credit.name, role: credit.role, location: credit.location.trim() || null })),
    developing: content.developing,
    firstPublishedAt: context.firstPublishedAt,
    lastMaterialUpdateAt: context.lastMaterialUpdateAt,
    notes,
    removalNotices: context.removalNotices,
    newsroom: context.newsroom,
  };
}

// Above this size (roughly 30,000 words) rebuilding the preview on every pause would make typing stutter.
const autoPreviewLimit = 200_000;

/**
 * The story as readers would see it, built from the same article markup and stylesheet as the public page.
 * The edit screen gives it the draft as of the last pause in typing (draft-store.ts). A very long story is rendered only when asked (at first and after
 * each edit): rendering its whole body on load and on every pause would make the page slow to open and typing
 * lag.
 */
export function LivePreview({
  content,
  change,
  context,
  band,
}: {
  content: ContentDraft;
  change: ChangeDraft | null;
  context: PreviewContext;
  band?: string;
}) {
  const manual = content.body.length > autoPreviewLimit;
  // What the long story's preview was last asked to show.
  const [asked, setAsked] = useState<{ content: ContentDraft; change: ChangeDraft | null } | null>(null);
  const shown = useMemo(() => (manual ? asked : { content, change }), [manual, asked, content, change]);
  // null at first: the page becomes editable before the preview is built (reading a long body into the
  // preview's article was the biggest share of the page's start), which follows at once in the background.
  const deferred = useDeferredValue(shown, null);
  const article = useMemo(
    () => (deferred ? previewArticle(deferred.content, deferred.change, context) : null),
    [deferred, context],
  );
  const stale = !deferred || deferred.content !== content || deferred.change !== change;
  return (
    <section className="desk-preview" aria-label="Live preview" aria-busy={stale && !manual}>
      <p className="desk-preview-band" role="note">
        {band ?? "Preview — not published"}
      </p>
      {manual && stale ? (
        <p className="desk-preview-refresh">
          {article
            ? "Long story: the preview updates when you ask."
            : "Long story: the preview is shown when you ask."}{" "}
          <button
            type="button"
            className="desk-button desk-button-small"
            onClick={() => setAsked({ content, change })}
          >
            {article ? "Update preview" : "Show preview"}
          </button>
        </p>
      ) : null}
      {article ? (
        <div className="desk-preview-page">
          <StoryArticleView article={article} />
        </div>
      ) : null}
    </section>
  );
}
