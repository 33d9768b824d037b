import type { Element, ElementContent } from "hast";
import { h } from "hastscript";

import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import type {
  PublicChangeLog,
  PublicChangeLogEntry,
  PublicRemovalEntry,
} from "@/lib/public/public-change-log";
import type { PublicContentDiff } from "@/lib/revisions/diff/content-diff-types";

import { publicNoteLabels, type NewsroomPresentation } from "./public-article";
import { buildPublicDiffView } from "./public-diff-view";
import { buildReaderDocument } from "./reader-document";
import { storyHistoryHref } from "./story-article";
import { storyPath } from "./story-page";

/** What each entry of the public change log is, as the history page and the story feed name it. */
export const changeLogKindLabels: Record<PublicChangeLogEntry["kind"], string> = {
  first: "First published",
  update: "Update",
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor’s note",
  restore: "Earlier version restored",
  minor: "Minor fix",
};

/** What a legal removal is called in the change log and the story feed. */
export const removalEntryLabel = "Removed on legal advice";

export type HistoryComparison = { from: number; to: number; diff: PublicContentDiff } | null;

function timeText(instant: string, newsroom: NewsroomPresentation): string {
  return formatNewsroomTime({
    instant: new Date(instant),
    zone: newsroom.timeZone,
    style: newsroom.timeStyle,
  });
}

function logItem(entry: PublicChangeLogEntry, newsroom: NewsroomPresentation): Element {
  const children: ElementContent[] = [
    h("time.reader-log-time", { dateTime: entry.publishedAt }, timeText(entry.publishedAt, newsroom)),
    h("span.reader-log-kind", changeLogKindLabels[entry.kind]),
  ];
  if (entry.summary) children.push(h("p.reader-log-summary", entry.summary));
  for (const note of entry.notes) {
    children.push(h("p.reader-log-note", [h("strong", `${publicNoteLabels[note.kind]}:`), ` ${note.text}`]));
  }
  return h("li.reader-log-item", { id: `version-${entry.number}` }, children);
}

function removalItem(removal: PublicRemovalEntry, newsroom: NewsroomPresentation): Element {
  return h("li.reader-log-item.reader-log-removal", { id: `removal-${removal.number}` }, [
    h("time.reader-log-time", { dateTime: removal.approvedAt }, timeText(removal.approvedAt, newsroom)),
    h("span.reader-log-kind", removalEntryLabel),
    h("p.reader-log-note", removal.notice),
  ]);
}

/** Versions and removals in one list, newest first (at one instant, the version first). */
function logItems(log: PublicChangeLog, newsroom: NewsroomPresentation): Element[] {
  const dated = [
    ...log.entries.map((entry) => ({ at: Date.parse(entry.publishedAt), item: logItem(entry, newsroom) })),
    ...log.removals.map((removal) => ({
      at: Date.parse(removal.approvedAt),
      item: removalItem(removal, newsroom),
    })),
  ];
  // A stable sort keeps each list's own order among equal instants.
  return dated.sort((a, b) => b.at - a.at).map((entry) => entry.item);
}

function versionSelect(options: {
  name: string;
  label: string;
  selected: number;
  log: PublicChangeLog;
  newsroom: NewsroomPresentation;
}): Element {
  return h("label", [
    options.label,
    h(
      "select",
      { name: options.name },
      options.log.entries.map((entry) =>
        h(
          "option",
          { value: String(entry.number), selected: entry.number === options.selected },
          `${timeText(entry.publishedAt, options.newsroom)} — ${changeLogKindLabels[entry.kind]}`,
        ),
      ),
    ),
  ]);
}

function comparisonSection(
  log: PublicChangeLog,
  comparison: HistoryComparison,
  newsroom: NewsroomPresentation,
): ElementContent[] {
  if (!comparison) return [];
  return [
    h("h2#what-changed.reader-section-title", "What changed"),
    h("form.reader-compare", { method: "get", action: `${storyHistoryHref(log.slug)}#what-changed` }, [
      versionSelect({ name: "from", label: "Earlier version", selected: comparison.from, log, newsroom }),
      versionSelect({ name: "to", label: "Later version", selected: comparison.to, log, newsroom }),
      h("button", { type: "submit" }, "Compare"),
    ]),
    buildPublicDiffView({ diff: comparison.diff }),
  ];
}

/** The public change log of a story, with the reader-facing comparison of two published versions. */
export function renderHistoryPage(options: {
  log: PublicChangeLog;
  comparison: HistoryComparison;
  newsroom: NewsroomPresentation;
  origin: string;
}): string {
  const { log, newsroom } = options;
  return buildReaderDocument({
    title: `Updates to “${log.headline}” · ${newsroom.name}`,
    description: `Every published update and correction to “${log.headline}”.`,
    canonical: `${options.origin}${storyHistoryHref(log.slug)}`,
    newsroomName: newsroom.name,
    mainClassName: "reader-main reader-main--wide",
    main: [
      h("p.reader-kicker", "Updates and corrections"),
      h("h1.reader-title", [h("a", { href: storyPath(log.slug) }, log.headline)]),
      h("p.reader-lede", [
        "Every published update to this story, newest first. First published ",
        h("time", { dateTime: log.firstPublishedAt }, timeText(log.firstPublishedAt, newsroom)),
        ".",
      ]),
      h("ol.reader-log", logItems(log, newsroom)),
      ...comparisonSection(log, options.comparison, newsroom),
    ],
  });
}
