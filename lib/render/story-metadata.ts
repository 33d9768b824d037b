import type { Element } from "hast";
import { h } from "hastscript";

import { markBodyPhotos } from "./body-photo-placeholder";
import type { PublicArticle } from "./public-article";

/**
 * The instant both "Updated" and dateModified/article:modified_time print: never earlier than the first
 * publish.
 */
function modifiedInstant(article: PublicArticle): string | null {
  if (!article.firstPublishedAt) return null;
  const published = new Date(article.firstPublishedAt).getTime();
  const updated = article.lastMaterialUpdateAt ? new Date(article.lastMaterialUpdateAt).getTime() : 0;
  return updated > published ? new Date(updated).toISOString() : new Date(published).toISOString();
}

/**
 * Authors as people: the byline credits, in order, and nothing else. The byline line is free text ("By Jane
 * Doe, Staff Writer", "By the Ledger staff"), so splitting it would invent people; with no byline credit the
 * article names no author rather than a wrong one.
 */
function authorNames(article: PublicArticle): string[] {
  return article.credits.filter((credit) => credit.role === "byline").map((credit) => credit.name);
}

function absolute(url: string, origin: string): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
}

/**
 * Every picture the page shows: the story's images as listed (lead first), then the body's photos in body
 * order, each not already named.
 */
function imageUrls(article: PublicArticle, origin: string): string[] {
  const listed = article.images.filter((image) => !image.removed).map((image) => absolute(image.url, origin));
  const placed = article.bodyPhotos
    .filter((photo) => !photo.removed)
    .map((photo) => absolute(photo.url, origin));
  return [...listed, ...placed.filter((url) => !listed.includes(url))];
}

/**
 * schema.org NewsArticle. Each published correction and clarification becomes a `correction`
 * (CorrectionComment with its text and date); editor's notes are context, not corrections, so they are left
 * out.
 */
export function storyJsonLd(options: { article: PublicArticle; canonical: string; origin: string }) {
  const { article, canonical, origin } = options;
  const corrections = article.notes
    .filter((note) => note.kind === "correction" || note.kind === "clarification")
    .map((note) => ({ "@type": "CorrectionComment", text: note.text, datePublished: note.publishedAt }));
  const authors = authorNames(article);
  const images = imageUrls(article, origin);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    ...(article.dek ? { description: article.dek } : {}),
    mainEntityOfPage: canonical,
    url: canonical,
    datePublished: article.firstPublishedAt,
    dateModified: modifiedInstant(article),
    ...(authors.length > 0 ? { author: authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(images.length > 0 ? { image: images } : {}),
    publisher: { "@type": "Organization", name: article.newsroom.name },
    ...(corrections.length > 0 ? { correction: corrections } : {}),
  };
}

/**
 * The picture a link preview shows: the lead (the first listed image shown), else the first photo placed in the
 * body that the page shows, with the alt text its line gives.
 */
function previewImage(article: PublicArticle): { url: string; alt: string } | null {
  // A photo taken down on legal advice is never previewed.
  const lead = article.images.find((image) => !image.removed);
  if (lead) return { url: lead.url, alt: lead.alt };
  const shown = article.bodyPhotos.filter((photo) => !photo.removed);
  if (shown.length === 0) return null;
  const pictures = new Map(shown.map((photo) => [photo.photoId, photo.url]));
  for (const placed of markBodyPhotos(article.body).photos) {
    const url = pictures.get(placed.photoId);
    if (url) return { url, alt: placed.alt };
  }
  return null;
}

/** Open Graph and Twitter card tags. */
export function storySocialMeta(options: {
  article: PublicArticle;
  canonical: string;
  origin: string;
}): Element[] {
  const { article, canonical, origin } = options;
  const image = previewImage(article);
  const meta = (property: string, content: string) => h("meta", { property, content });
  const named = (name: string, content: string) => h("meta", { name, content });
  const tags: Element[] = [
    meta("og:type", "article"),
    meta("og:site_name", article.newsroom.name),
    meta("og:title", article.headline),
    meta("og:url", canonical),
  ];
  if (article.dek) tags.push(meta("og:description", article.dek));
  if (image) {
    tags.push(meta("og:image", absolute(image.url, origin)));
    if (image.alt) tags.push(meta("og:image:alt", image.alt));
  }
  if (article.firstPublishedAt) tags.push(meta("article:published_time", article.firstPublishedAt));
  const modified = modifiedInstant(article);
  if (modified) tags.push(meta("article:modified_time", modified));
  tags.push(
    named("twitter:card", image ? "summary_large_image" : "summary"),
    named("twitter:title", article.headline),
  );
  if (article.dek) tags.push(named("twitter:description", article.dek));
  if (image) tags.push(named("twitter:image", absolute(image.url, origin)));
  return tags;
}
