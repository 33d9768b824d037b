import "server-only";

import { getDb } from "@/lib/db/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { publicRemovalNotices } from "@/lib/legal-removals/public-removal-notices";
import type { PublicArticleNote } from "@/lib/render/public-article";

import { notesOfPublication, readPublicStoryRow } from "./published-story";

export type PublicChangeLogEntry = {
  /** Revision number: the reader-facing version id used by the "what changed" view. */
  number: number;
  /** "first" for the first publication, else the kind (a minor fix is listed too, but moves no "Updated"). */
  kind: "first" | Exclude<RevisionKind, "initial">;
  /** ISO instant it went live. */
  publishedAt: string;
  /** The update's public summary (the first publication's summary stays private). */
  summary: string | null;
  /** Public notes that went live with this version: its own and those carried from drafts. */
  notes: PublicArticleNote[];
};

/** An approved legal removal as the change log lists it: its public notice, dated at approval. */
export type PublicRemovalEntry = {
  number: number;
  notice: string;
  /** ISO instant the removal was approved. */
  approvedAt: string;
};

export type PublicChangeLog = {
  slug: string;
  headline: string;
  firstPublishedAt: string;
  lastMaterialUpdateAt: string | null;
  /** Newest first. */
  entries: PublicChangeLogEntry[];
  /**
   * Approved legal removals, newest first. Not versions (a removal changes every stored version in place), so
   * they are listed beside them and cannot be compared.
   */
  removals: PublicRemovalEntry[];
};

/**
 * The public change log: the first publication and every later published version up to the live revision,
 * minor fixes included (no change is silent, though a minor fix moves no "Updated"), and every approved legal
 * removal with its notice. Drafts are left out.
 */
export async function readPublicChangeLog(options: { slug: string }): Promise<PublicChangeLog> {
  const story = await readPublicStoryRow(options);
  const [rows, live, removals] = await Promise.all([
    getDb().revision.findMany({
      where: { storyId: story.id, number: { lte: story.liveRevisionNumber }, publishedAt: { not: null } },
      orderBy: { number: "asc" },
      select: {
        number: true,
        kind: true,
        publishedAt: true,
        summary: true,
        publicNote: true,
        carriedNotes: true,
      },
    }),
    getDb().revision.findUnique({
      where: { storyId_number: { storyId: story.id, number: story.liveRevisionNumber } },
      select: { headline: true },
    }),
    publicRemovalNotices({ storyId: story.id }),
  ]);
  // A story published while under embargo went out to readers when the embargo lifted (firstPublishedAt):
  // what was published before that is one first version, at that time, never backdated.
  const released = story.firstPublishedAt.getTime();
  const published = rows.flatMap((row) =>
    row.publishedAt ? [{ ...row, publishedAt: row.publishedAt }] : [],
  );
  const first = published.filter((row) => row.publishedAt.getTime() <= released).at(-1) ?? published[0];
  const entries: PublicChangeLogEntry[] = [];
  if (first)
    entries.push({
      number: first.number,
      kind: "first",
      publishedAt: story.firstPublishedAt.toISOString(),
      summary: null,
      notes: [],
    });
  for (const row of published) {
    if (!first || row.number <= first.number) continue;
    entries.push({
      number: row.number,
      kind: row.kind === "initial" ? "update" : row.kind,
      publishedAt: row.publishedAt.toISOString(),
      summary: row.summary,
      notes: notesOfPublication(row),
    });
  }
  return {
    slug: story.slug,
    headline: live?.headline ?? "",
    firstPublishedAt: story.firstPublishedAt.toISOString(),
    lastMaterialUpdateAt: story.lastMaterialUpdateAt?.toISOString() ?? null,
    entries: entries.reverse(),
    removals: removals
      .map((removal) => ({ number: removal.number, notice: removal.notice, approvedAt: removal.approvedAt }))
      .reverse(),
  };
}
