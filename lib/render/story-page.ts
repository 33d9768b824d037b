import type { ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";

import type { PublicArticle } from "./public-article";
import { buildReaderDocument } from "./reader-document";
import { buildStoryArticle } from "./story-article";
import { storyJsonLd, storySocialMeta } from "./story-metadata";

export function storyPath(slug: string): string {
  return `/stories/${encodeURIComponent(slug)}`;
}

/** The public story page, complete, as one HTML string ready to cache. */
export function renderStoryPage(options: {
  article: PublicArticle;
  body?: Root;
  liveRevisionNumber: number;
  origin: string;
}): string {
  const { article, origin } = options;
  const canonical = `${origin}${storyPath(article.slug)}`;
  const tree = buildStoryArticle({ article, body: options.body });
  return buildReaderDocument({
    title: `${article.headline} · ${article.newsroom.name}`,
    description: article.dek || undefined,
    canonical,
    head: [
      ...storySocialMeta({ article, canonical, origin }),
      h("link", {
        rel: "alternate",
        type: "application/atom+xml",
        title: `Updates to “${article.headline}”`,
        href: `${storyPath(article.slug)}/feed.xml`,
      }),
    ],
    jsonLd: storyJsonLd({ article, canonical, origin }),
    bodyData: { "story-slug": article.slug, "story-version": String(options.liveRevisionNumber) },
    newsroomName: article.newsroom.name,
    main: tree.children as ElementContent[],
    withReaderScript: true,
  });
}

/** The article alone as HTML (for tests and tools that compare markup with the desk preview). */
export function renderStoryArticleHtml(options: { article: PublicArticle }): string {
  return toHtml(buildStoryArticle(options));
}
