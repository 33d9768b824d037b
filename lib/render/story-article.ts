import type { Element, ElementContent, Root } from "hast";
import { h } from "hastscript";

import { creditLines } from "@/lib/editorial/credit-lines";
import { formatNewsroomTime, newsroomClock } from "@/lib/editorial/newsroom-time";
import { timeLine } from "@/lib/editorial/time-line";

import { readBodyPhotoPlaceholder } from "./body-photo-placeholder";
import { outlineHeadings } from "./heading-outline";
import {
  publicNoteLabels,
  type PublicArticle,
  type PublicArticleImage,
  type PublicRemovalNotice,
} from "./public-article";
import { markRemovalsInTree, removalNumbersInNode } from "./removal-marks";
import { renderStoryBody } from "./story-body";

export const developingNotice = "This is a developing story. It may be updated.";

/** Where a story's public change log lives. */
export function storyHistoryHref(slug: string): string {
  return `/stories/${encodeURIComponent(slug)}/history`;
}

function timeElement(options: { instant: Date; text: string; title?: string; className?: string }): Element {
  return h(
    "time",
    { dateTime: options.instant.toISOString(), title: options.title, className: options.className },
    options.text,
  );
}

function timeLineElement(article: PublicArticle): Element {
  const { timeZone: zone, timeStyle: style } = article.newsroom;
  if (!article.firstPublishedAt) {
    return h("p.story-timeline", "Not yet published");
  }
  const line = timeLine({
    firstPublishedAt: new Date(article.firstPublishedAt),
    lastMaterialUpdateAt: article.lastMaterialUpdateAt ? new Date(article.lastMaterialUpdateAt) : null,
    zone,
    style,
  });
  const updated = line.label === "Updated";
  return h("p.story-timeline", [
    `${line.label} `,
    timeElement({
      instant: line.instant,
      text: line.text,
      title: updated ? `Published ${line.published.text}` : undefined,
    }),
    ...(updated
      ? [
          h("span.story-timeline-sep", { ariaHidden: "true" }, " · "),
          h("a", { href: storyHistoryHref(article.slug) }, "See all updates"),
        ]
      : []),
  ]);
}

/** The story column is 42rem wide at most (public/styles/story.css); narrower screens get the full width. */
const figureSizes = "(min-width: 44rem) 42rem, 100vw";

function pictureElement(image: PublicArticleImage, lead: boolean): Element {
  const loading = lead ? "eager" : "lazy";
  const picture = image.picture;
  if (!picture) return h("img", { src: image.url, alt: image.alt, loading, decoding: "async" });
  const fallback = picture.sources[picture.sources.length - 1];
  return h("picture", [
    ...picture.sources
      .slice(0, -1)
      .map((source) => h("source", { type: source.type, srcSet: source.srcset, sizes: figureSizes })),
    h("img", {
      src: image.url,
      srcSet: fallback?.srcset,
      sizes: figureSizes,
      width: picture.width,
      height: picture.height,
      alt: image.alt,
      loading,
      decoding: "async",
      ...(lead ? { fetchPriority: "high" } : {}),
    }),
  ]);
}

/** A photo taken down on legal advice: its place, said in words, and nothing of the picture or its text. */
const removedPhotoText = "Photo removed on legal advice.";

function removedPhotoFigure(): Element {
  return h("figure.story-figure.story-figure-removed", [h("p.story-figure-removed-text", removedPhotoText)]);
}

function figure(image: PublicArticleImage, lead: boolean): Element {
  if (image.removed) return removedPhotoFigure();
  const caption: ElementContent[] = [];
  if (image.caption) caption.push(h("span.story-figure-caption", image.caption));
  if (image.credit) caption.push(h("span.story-figure-credit", image.credit));
  return h("figure.story-figure", [
    pictureElement(image, lead),
    ...(caption.length > 0 ? [h("figcaption", caption)] : []),
  ]);
}

/**
 * The body with each photo placeholder (body-photo-placeholder.ts) swapped for the story's figure: the picture
 * the caller resolved, the alt, caption and credit the line gave, as text. A photo the caller could not resolve
 * is left out. A body without photos is returned as it is, so it renders exactly as before.
 */
function placeBodyFigures(nodes: ElementContent[], article: PublicArticle): ElementContent[] {
  if (!nodes.some((node) => readBodyPhotoPlaceholder(node))) return nodes;
  const pictures = new Map(article.bodyPhotos.map((photo) => [photo.photoId, photo]));
  return nodes.flatMap((node): ElementContent[] => {
    const photo = readBodyPhotoPlaceholder(node);
    if (!photo) return [node];
    const resolved = pictures.get(photo.photoId);
    if (!resolved) return [];
    if (resolved.removed) return [removedPhotoFigure()];
    const { alt, caption, credit } = photo;
    return [figure({ url: resolved.url, picture: resolved.picture, alt, caption, credit }, false)];
  });
}

function notesSection(article: PublicArticle): Element[] {
  if (article.notes.length === 0) return [];
  const { timeZone: zone, timeStyle: style } = article.newsroom;
  return [
    h(
      "section.story-notes",
      { ariaLabel: "Corrections and notes" },
      article.notes.map((note) => {
        const instant = new Date(note.publishedAt);
        return h(`p.story-note.story-note-${note.kind.replace("_", "-")}`, [
          h("strong", `${publicNoteLabels[note.kind]}:`),
          ` ${note.text} `,
          timeElement({
            instant,
            text: formatNewsroomTime({ instant, zone, style }),
            className: "story-note-time",
          }),
        ]);
      }),
    ),
  ];
}

function removalNotice(notice: PublicRemovalNotice, article: PublicArticle): Element {
  const instant = new Date(notice.approvedAt);
  const { timeZone: zone, timeStyle: style } = article.newsroom;
  return h("p.story-removal-notice", { id: `removal-${notice.number}`, role: "note" }, [
    `${notice.notice} `,
    timeElement({
      instant,
      text: formatNewsroomTime({ instant, zone, style }),
      className: "story-note-time",
    }),
  ]);
}

const markerOnly = /^⟦removed \d+⟧$/;

/**
 * A body paragraph that is nothing but a marker (a removed photo's line, or a whole paragraph removed) is drawn
 * as a placeholder block, so the gap reads as a removal rather than a stray word.
 */
function markRemovedBlocks(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => {
    if (node.type !== "element" || node.tagName !== "p" || node.children.length !== 1) return node;
    const [only] = node.children;
    if (only?.type !== "text" || !markerOnly.test(only.value.trim())) return node;
    return { ...node, properties: { ...node.properties, className: ["story-removed-block"] } };
  });
}

/**
 * In-place notices go right after the first block that holds their marker (a header line counts as the
 * header); a notice whose marker is nowhere on the page (the removed text was only in older versions, or was a
 * credit) joins the foot ones.
 */
function placeRemovalNotices(options: {
  header: ElementContent[];
  body: ElementContent[];
  article: PublicArticle;
}) {
  const { header, body, article } = options;
  const foot: PublicRemovalNotice[] = [];
  const afterHeader: Element[] = [];
  // By position: rendered blocks are shared, so the same paragraph twice can be the same object.
  const afterBlock = new Map<number, Element[]>();
  const headerNumbers = new Set(header.flatMap(removalNumbersInNode));
  const blockNumbers = body.map((node) => (node.type === "element" ? removalNumbersInNode(node) : []));
  for (const notice of article.removalNotices) {
    const block =
      notice.placement === "in_place"
        ? blockNumbers.findIndex((numbers) => numbers.includes(notice.number))
        : -1;
    if (block >= 0) afterBlock.set(block, [...(afterBlock.get(block) ?? []), removalNotice(notice, article)]);
    else if (notice.placement === "in_place" && headerNumbers.has(notice.number))
      afterHeader.push(removalNotice(notice, article));
    else foot.push(notice);
  }
  return {
    header: [...header, ...afterHeader],
    body:
      afterBlock.size === 0 ? body : body.flatMap((node, index) => [node, ...(afterBlock.get(index) ?? [])]),
    foot:
      foot.length === 0
        ? []
        : [
            h(
              "section.story-removal-notices",
              { ariaLabel: "Legal notices" },
              foot.map((notice) => removalNotice(notice, article)),
            ),
          ],
  };
}

function copyrightYear(article: PublicArticle): number {
  const instant = article.firstPublishedAt ? new Date(article.firstPublishedAt) : new Date();
  return newsroomClock({ instant, zone: article.newsroom.timeZone }).year;
}

/**
 * The story article as a hast tree: the one source of the public page's article markup and the desk
 * preview's. Every name, place, caption and note is a text node; only the Markdown body becomes elements, and
 * it has been through the strict sanitizer. `body` is the body already rendered (off the event loop:
 * story-body-off-loop.ts).
 */
export function buildStoryArticle(options: { article: PublicArticle; body?: Root }): Root {
  const { article } = options;
  const [leadImage, ...moreImages] = article.images;
  const credits = creditLines({ credits: article.credits });
  const header: ElementContent[] = [h("h1.story-headline", article.headline)];
  if (article.dek) header.push(h("p.story-dek", article.dek));
  if (article.byline) header.push(h("p.story-byline", article.byline));
  header.push(timeLineElement(article));
  if (article.developing) header.push(h("p.story-developing", { role: "note" }, developingNotice));

  const body = options.body ?? renderStoryBody({ markdown: article.body });
  const placed = placeRemovalNotices({
    header,
    body: markRemovedBlocks(
      outlineHeadings({
        nodes: placeBodyFigures(body.children as ElementContent[], article),
        pageLevel: 1,
      }),
    ),
    article,
  });
  // Markers are drawn last, over the whole article: headline, dek, byline, body, captions and credit lines.
  return markRemovalsInTree({
    type: "root",
    children: [
      h("article.story", [
        h("header.story-header", placed.header),
        ...(leadImage ? [figure(leadImage, true)] : []),
        h("div.story-body", placed.body),
        ...moreImages.map((image) => figure(image, false)),
        ...placed.foot,
        ...notesSection(article),
        h("footer.story-footer", [
          ...credits.map((text) => h("p.story-credit-line", text)),
          h("p.story-copyright", `© ${copyrightYear(article)} ${article.newsroom.name}`),
        ]),
      ]),
    ],
  });
}
