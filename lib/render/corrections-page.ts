import type { Element, ElementContent } from "hast";
import { h } from "hastscript";

import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import type { PublicCorrection, PublicCorrectionsPage } from "@/lib/public/public-corrections";

import { publicNoteLabels, type NewsroomPresentation } from "./public-article";
import { buildReaderDocument } from "./reader-document";
import { storyPath } from "./story-page";

export const correctionsPath = "/corrections";
export const correctionsFeedPath = "/corrections/feed.xml";

export const correctionLabels: Record<PublicCorrection["kind"], string> = {
  ...publicNoteLabels,
  withdrawal: "Story withdrawn",
};

/**
 * The story an entry belongs to. A live or withdrawn story is linked (a withdrawn one's address shows its
 * withdrawal note); a quietly unpublished one is named, never linked to a "not found".
 */
function storyReference(entry: PublicCorrection): Element {
  if (entry.storyStatus === "unpublished") {
    return h("span", [
      h("span.reader-corrections-headline", entry.headline),
      " ",
      h("span.reader-corrections-gone", "(no longer published)"),
    ]);
  }
  return h("a.reader-corrections-headline", { href: storyPath(entry.slug) }, entry.headline);
}

function item(entry: PublicCorrection, newsroom: NewsroomPresentation): Element {
  const when = formatNewsroomTime({
    instant: new Date(entry.publishedAt),
    zone: newsroom.timeZone,
    style: newsroom.timeStyle,
  });
  return h("li.reader-corrections-item", { id: entry.key }, [
    h("p.reader-corrections-meta", [
      h(`span.reader-corrections-kind.reader-corrections-kind--${entry.kind}`, correctionLabels[entry.kind]),
      " · ",
      h("time", { dateTime: entry.publishedAt }, when),
    ]),
    h("h2.reader-corrections-story", [storyReference(entry)]),
    h("p.reader-corrections-note", entry.note),
  ]);
}

/** /corrections: every correction, clarification, editor's note and withdrawal, newest first. */
export function renderCorrectionsPage(options: {
  page: PublicCorrectionsPage;
  newsroom: NewsroomPresentation;
  origin: string;
  first: boolean;
}): string {
  const { page, newsroom, origin, first } = options;
  const main: ElementContent[] = [
    h("h1.reader-title", "Corrections"),
    h(
      "p.reader-lede",
      `Every correction, clarification and editor’s note ${newsroom.name} has published, newest first, with the story it belongs to. A story we withdrew is listed with the note that replaced it.`,
    ),
    h("p.reader-corrections-feed", [
      h("a", { href: correctionsFeedPath }, "Follow corrections in a feed reader (Atom)"),
    ]),
  ];
  if (page.entries.length === 0) main.push(h("p", first ? "No corrections yet." : "No older corrections."));
  else
    main.push(
      h(
        "ol.reader-corrections",
        page.entries.map((entry) => item(entry, newsroom)),
      ),
    );
  const pager: ElementContent[] = [];
  if (!first) pager.push(h("a", { href: correctionsPath }, "← Newest corrections"));
  if (page.nextBefore)
    pager.push(
      h(
        "a",
        { href: `${correctionsPath}?before=${encodeURIComponent(page.nextBefore)}` },
        "Older corrections →",
      ),
    );
  if (pager.length > 0)
    main.push(h("nav.reader-corrections-pager", { ariaLabel: "Corrections pages" }, pager));
  return buildReaderDocument({
    title: `Corrections · ${newsroom.name}`,
    description: `Every correction ${newsroom.name} has published.`,
    canonical: `${origin}${correctionsPath}`,
    head: [
      h("link", {
        rel: "alternate",
        type: "application/atom+xml",
        title: `${newsroom.name}: corrections`,
        href: correctionsFeedPath,
      }),
    ],
    newsroomName: newsroom.name,
    main,
  });
}
