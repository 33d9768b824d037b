import "server-only";
import { getDb } from "@/lib/db/client";
import type { RevisionKind } from "@/lib/revisions/revision-content";
import { materialKinds } from "@/lib/revisions/revision-content";
import { readPublicStoryRow } from "./published-story";

export type PublicChangeLogEntry = {
  /** Revision number: the reader-facing version id used by the "what changed" view. */
  number: number;
  /** "first" for the first publication, else the material kind. */
  kind: "first" | Exclude<RevisionKind, "initial" | "minor">;
  /** ISO instant it went live. */
  publishedAt: string;
  /** The update's summary (material updates only; the first publication's internal summary stays private). */
  summary: string | null;
  /** The public note of a correction, clarification or editor's note. */
  note: string | null;
};

export type PublicChangeLog = {
  slug: string;
  headline: string;
  firstPublishedAt: string;
  lastMaterialUpdateAt: string | null;
  /** Newest first. */
  entries: PublicChangeLogEntry[];
};

const material = new Set<string>(materialKinds);

/**
 * The public change log: the first publication and every published material update up to the live revision.
 * Drafts and minor fixes are left out entirely (their summaries are internal).
 */
export async function readPublicChangeLog(options: { slug: string }): Promise<PublicChangeLog> {
  const story = await readPublicStoryRow(options);
  const [rows, live] = await Promise.all([
    getDb().revision.findMany({
      where: { storyId: story.id, number: { lte: story.liveRevisionNumber }, publishedAt: { not: null } },
      orderBy: { number: "asc" },
      select: { number: true, kind: true, publishedAt: true, summary: true, publicNote: true },
    }),
    getDb().revision.findUnique({
      where: { storyId_number: { storyId: story.id, number: story.liveRevisionNumber } },
      select: { headline: true },
    }),
  ]);
  const entries: PublicChangeLogEntry[] = [];
  rows.forEach((row, index) => {
    if (!row.publishedAt) return;
    const publishedAt = row.publishedAt.toISOString();
    if (index === 0) {
      entries.push({ number: row.number, kind: "first", publishedAt, summary: null, note: null });
    } else if (material.has(row.kind)) {
      entries.push({
        number: row.number,
        kind: row.kind as PublicChangeLogEntry["kind"],
        publishedAt,
        summary: row.summary,
        note: row.publicNote,
      });
    }
  });
  return {
    slug: story.slug,
    headline: live?.headline ?? "",
    firstPublishedAt: story.firstPublishedAt.toISOString(),
    lastMaterialUpdateAt: story.lastMaterialUpdateAt?.toISOString() ?? null,
    entries: entries.reverse(),
  };
}
