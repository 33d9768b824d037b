import type { Element } from "hast";
import { h } from "hastscript";

import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import { timeLine } from "@/lib/editorial/time-line";
import type { PublicIndexEntry } from "@/lib/public/public-index";

import type { NewsroomPresentation } from "./public-article";
import { buildReaderDocument } from "./reader-document";
import { storyPath } from "./story-page";

function entry(story: PublicIndexEntry, newsroom: NewsroomPresentation): Element {
  const line = timeLine({
    firstPublishedAt: new Date(story.firstPublishedAt),
    lastMaterialUpdateAt: story.lastMaterialUpdateAt ? new Date(story.lastMaterialUpdateAt) : null,
    zone: newsroom.timeZone,
    style: newsroom.timeStyle,
  });
  const meta = [
    `${line.label} `,
    h(
      "time",
      {
        dateTime: line.instant.toISOString(),
        title:
          line.label === "Updated"
            ? `Published ${formatNewsroomTime({ instant: line.published.instant, zone: newsroom.timeZone, style: newsroom.timeStyle })}`
            : undefined,
      },
      line.text,
    ),
  ];
  return h("li.reader-index-item", [
    h("h2.reader-index-headline", [h("a", { href: storyPath(story.slug) }, story.headline)]),
    ...(story.dek ? [h("p.reader-index-dek", story.dek)] : []),
    h("p.reader-index-meta", [
      ...(story.developing ? [h("span.reader-index-developing", "Developing"), " · "] : []),
      ...(story.byline ? [story.byline, " · "] : []),
      ...meta,
    ]),
  ]);
}

/** The front page: published stories, most recently updated first. */
export function renderIndexPage(options: {
  stories: PublicIndexEntry[];
  newsroom: NewsroomPresentation;
  origin: string;
}): string {
  const { stories, newsroom } = options;
  return buildReaderDocument({
    title: newsroom.name,
    description: `Latest stories from ${newsroom.name}.`,
    canonical: `${options.origin}/`,
    newsroomName: newsroom.name,
    main: [
      h("h1.reader-kicker", "Latest stories"),
      stories.length > 0
        ? h(
            "ol.reader-index",
            stories.map((story) => entry(story, newsroom)),
          )
        : h("p.reader-lede", "No stories have been published yet."),
    ],
  });
}
