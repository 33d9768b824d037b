import { Feed } from "feed";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { stringifyEntitiesLight } from "stringify-entities";

import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import { plainRemovalMarkers } from "@/lib/legal-removals/removal-marker";
import type { PublicChangeLog, PublicChangeLogEntry } from "@/lib/public/public-change-log";
import type { PublicCorrection } from "@/lib/public/public-corrections";
import type { PublicIndexEntry } from "@/lib/public/public-index";

import { correctionLabels, correctionsFeedPath, correctionsPath } from "./corrections-page";
import { changeLogKindLabels, removalEntryLabel } from "./history-page";
import { publicNoteLabels, type NewsroomPresentation } from "./public-article";
import { storyHistoryHref } from "./story-article";
import { storyPath } from "./story-page";

/*
 * Atom feeds through the `feed` package. Entry dates are the same stored instants the pages print, so a feed
 * reader and the page never disagree about "Updated". A feed is plain text to its readers: each removal marker
 * in it becomes "[removed]" (atomOf).
 */

/** The feed's XML, with every removal marker (only ever from stored text) as the plain words. */
function atomOf(feed: Feed): string {
  return plainRemovalMarkers(feed.atom1());
}

/**
 * An entry's title, summary and content are `type="html"` in the `feed` package's Atom, written into CDATA as
 * given: a headline is text on the page, so it goes in as escaped HTML and a feed reader shows exactly the
 * headline ("5 < 6", never an element). Escaping ">" as well means a "]]>" in the text cannot end the CDATA.
 */
function htmlText(text: string): string {
  // Text content, never an attribute value: "&", "<" and ">" are all that need escaping, quotes stay
  // readable.
  return stringifyEntitiesLight(text, { subset: ["&", "<", ">"] });
}

function latestInstant(story: PublicIndexEntry): Date {
  return new Date(story.lastMaterialUpdateAt ?? story.firstPublishedAt);
}

/** /feed.xml: published stories, most recently updated first. */
export function renderSiteFeed(options: {
  stories: PublicIndexEntry[];
  newsroom: NewsroomPresentation;
  origin: string;
}): string {
  const { stories, newsroom, origin } = options;
  const feed = new Feed({
    title: newsroom.name,
    description: `Latest stories from ${newsroom.name}`,
    id: `${origin}/`,
    link: `${origin}/`,
    language: "en",
    updated: stories[0] ? latestInstant(stories[0]) : new Date(0),
    feedLinks: { atom: `${origin}/feed.xml` },
    copyright: `© ${newsroom.name}`,
    generator: false,
  });
  for (const story of stories) {
    const link = `${origin}${storyPath(story.slug)}`;
    feed.addItem({
      title: htmlText(story.headline),
      id: link,
      link,
      date: latestInstant(story),
      published: new Date(story.firstPublishedAt),
      description: story.dek ? htmlText(story.dek) : undefined,
      // Byline credits only: splitting the free-text byline would invent an author "Staff Writer".
      author: story.authors.map((name) => ({ name })),
    });
  }
  return atomOf(feed);
}

const entryTitles: Record<PublicChangeLogEntry["kind"], string> = {
  first: "Published",
  update: "Updated",
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor’s note",
  restore: "Earlier version restored",
  minor: "Minor fix",
};

/** An entry's summary and each public note as paragraphs of their own, escaped: they never run together. */
function entryContent(entry: PublicChangeLogEntry): string {
  const paragraphs = [
    ...(entry.summary ? [h("p", entry.summary)] : []),
    ...entry.notes.map((note) => h("p", [h("strong", `${publicNoteLabels[note.kind]}:`), ` ${note.text}`])),
  ];
  return toHtml(paragraphs);
}

/** /stories/{slug}/feed.xml: one entry per published version (the first publication, updates, fixes). */
export function renderStoryFeed(options: {
  log: PublicChangeLog;
  newsroom: NewsroomPresentation;
  origin: string;
}): string {
  const { log, newsroom, origin } = options;
  const link = `${origin}${storyPath(log.slug)}`;
  const newest = Math.max(
    Date.parse(log.entries[0]?.publishedAt ?? log.firstPublishedAt),
    Date.parse(log.removals[0]?.approvedAt ?? log.firstPublishedAt),
  );
  const feed = new Feed({
    title: `Updates: ${log.headline}`,
    description: `Every published update to “${log.headline}” from ${newsroom.name}`,
    id: `${origin}${storyHistoryHref(log.slug)}`,
    link,
    language: "en",
    updated: new Date(newest),
    feedLinks: { atom: `${link}/feed.xml` },
    copyright: `© ${newsroom.name}`,
    generator: false,
  });
  for (const entry of log.entries) {
    const when = formatNewsroomTime({
      instant: new Date(entry.publishedAt),
      zone: newsroom.timeZone,
      style: newsroom.timeStyle,
    });
    const content = entryContent(entry);
    feed.addItem({
      title: htmlText(`${entryTitles[entry.kind]} ${when}: ${log.headline}`),
      id: `${origin}${storyHistoryHref(log.slug)}#version-${entry.number}`,
      link,
      date: new Date(entry.publishedAt),
      // Without a public summary the entry says what it was and when: a minor fix is never "First published".
      description: htmlText(entry.summary ?? `${changeLogKindLabels[entry.kind]} ${when}.`),
      content: content || undefined,
    });
  }
  for (const removal of log.removals) {
    const when = formatNewsroomTime({
      instant: new Date(removal.approvedAt),
      zone: newsroom.timeZone,
      style: newsroom.timeStyle,
    });
    feed.addItem({
      title: htmlText(`${removalEntryLabel} ${when}: ${log.headline}`),
      id: `${origin}${storyHistoryHref(log.slug)}#removal-${removal.number}`,
      link,
      date: new Date(removal.approvedAt),
      description: htmlText(removal.notice),
    });
  }
  return atomOf(feed);
}

/**
 * /corrections/feed.xml: the corrections page as a feed, newest first. An entry links to its story unless the
 * story was quietly unpublished (then to its place on the corrections page, never to a "not found").
 */
export function renderCorrectionsFeed(options: {
  entries: PublicCorrection[];
  newsroom: NewsroomPresentation;
  origin: string;
}): string {
  const { entries, newsroom, origin } = options;
  const page = `${origin}${correctionsPath}`;
  const feed = new Feed({
    title: `Corrections: ${newsroom.name}`,
    description: `Every correction, clarification and editor’s note ${newsroom.name} has published`,
    id: page,
    link: page,
    language: "en",
    updated: new Date(entries[0]?.publishedAt ?? 0),
    feedLinks: { atom: `${origin}${correctionsFeedPath}` },
    copyright: `© ${newsroom.name}`,
    generator: false,
  });
  for (const entry of entries) {
    feed.addItem({
      title: htmlText(`${correctionLabels[entry.kind]}: ${entry.headline}`),
      id: `${page}#${entry.key}`,
      link:
        entry.storyStatus === "unpublished" ? `${page}#${entry.key}` : `${origin}${storyPath(entry.slug)}`,
      date: new Date(entry.publishedAt),
      description: htmlText(entry.note),
    });
  }
  return atomOf(feed);
}
