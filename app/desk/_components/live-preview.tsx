"use client";

import { useDeferredValue, useMemo } from "react";
import { StoryArticleView } from "@/app/_components/story-article-view";
import type { NewsroomPresentation, PublicArticle, PublicArticleNote } from "@/lib/render/public-article";
import { noteRequiredKinds } from "@/lib/revisions/revision-content";
import type { ChangeDraft, ContentDraft } from "./editor-draft";

export type PreviewContext = {
  slug: string;
  newsroom: NewsroomPresentation;
  /** Notes of corrections already published on the story, oldest first. */
  notes: PublicArticleNote[];
  firstPublishedAt: string | null;
  lastMaterialUpdateAt: string | null;
};

function previewArticle(content: ContentDraft, change: ChangeDraft | null, context: PreviewContext): PublicArticle {
  const notes = [...context.notes];
  if (change && (noteRequiredKinds as readonly string[]).includes(change.kind) && change.note.trim()) {
    notes.push({ kind: change.kind as PublicArticleNote["kind"], text: change.note.trim(), publishedAt: new Date().toISOString() });
  }
  return {
    slug: context.slug || "preview",
    headline: content.headline || "Untitled story",
    dek: content.dek,
    byline: content.byline,
    body: content.body,
    images: content.images.filter((image) => image.url.trim()).map(({ url, alt, caption, credit }) => ({ url, alt, caption, credit })),
    credits: content.credits.filter((credit) => credit.name.trim()).map((credit) => ({ name: credit.name, role: credit.role, location: credit.location.trim() || null })),
    developing: content.developing,
    firstPublishedAt: context.firstPublishedAt,
    lastMaterialUpdateAt: context.lastMaterialUpdateAt,
    notes,
    newsroom: context.newsroom,
  };
}

/**
 * The story as readers would see it, built from the same article markup and stylesheet as the public page.
 * Rendering trails typing (deferred) so a long body never makes the textarea lag.
 */
export function LivePreview({ content, change, context }: { content: ContentDraft; change: ChangeDraft | null; context: PreviewContext }) {
  const deferredContent = useDeferredValue(content);
  const deferredChange = useDeferredValue(change);
  const article = useMemo(() => previewArticle(deferredContent, deferredChange, context), [deferredContent, deferredChange, context]);
  const stale = deferredContent !== content;
  return (
    <section className="desk-preview" aria-label="Live preview" aria-busy={stale}>
      <p className="desk-preview-band" role="note">
        Preview — not published
      </p>
      <div className="desk-preview-page">
        <StoryArticleView article={article} />
      </div>
    </section>
  );
}
