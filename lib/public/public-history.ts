import "server-only";

import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import type { PublicContentDiff } from "@/lib/revisions/diff/content-diff-types";
import { diffContentOffLoop } from "@/lib/revisions/diff/diff-content-off-loop";
import { publicDiff } from "@/lib/revisions/diff/public-diff";
import { printedNotesText } from "@/lib/revisions/printed-notes";
import { readRevision } from "@/lib/revisions/read-revision";
import { parseInput } from "@/lib/validation/parse-input";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

import { readPublicChangeLog, type PublicChangeLog } from "./public-change-log";
import { readPublicStoryRow } from "./published-story";

const version = wholeNumberText({ example: "2" });

/**
 * Query of /stories/{slug}/history: which two published versions to compare (default: newest vs previous).
 */
export const PublicHistoryQueryInput = z.strictObject({
  from: version.optional(),
  to: version.optional(),
});

export type PublicHistory = {
  log: PublicChangeLog;
  comparison: { from: number; to: number; diff: PublicContentDiff } | null;
};

function notComparable(): AppError {
  return new AppError({
    code: "bad_request",
    message: "history comparison names a version that is not a published version of this story",
    userMessage: "Those versions can’t be compared. Choose two versions from this story’s change log.",
  });
}

/**
 * The change log plus a reader-facing diff of two published versions (revisions listed in the log only —
 * never drafts or minor fixes on their own). Default: the newest version against the one before it.
 */
export async function readPublicHistory(options: { slug: string; query: unknown }): Promise<PublicHistory> {
  const query = parseInput({ schema: PublicHistoryQueryInput, input: options.query });
  const log = await readPublicChangeLog({ slug: options.slug });
  const versions = log.entries.map((entry) => entry.number);
  if (versions.length < 2) {
    if (query.from !== undefined || query.to !== undefined) throw notComparable();
    return { log, comparison: null };
  }
  const to = query.to ?? versions[0]!;
  const from = query.from ?? versions[versions.indexOf(to) + 1] ?? versions[versions.length - 1]!;
  if (!versions.includes(from) || !versions.includes(to)) throw notComparable();
  const story = await readPublicStoryRow({ slug: options.slug });
  const [older, newer] = await Promise.all([
    readRevision({ storyId: story.id, number: from }),
    readRevision({ storyId: story.id, number: to }),
  ]);
  const [olderNotes, newerNotes] = await Promise.all([
    printedNotesText({ storyId: story.id, revision: older.revision }),
    printedNotesText({ storyId: story.id, revision: newer.revision }),
  ]);
  // Notes compared as printed: the kind and summary of each version are not part of what readers compare.
  const side = (revision: typeof older.revision, printedNotes: string) => ({
    ...revision.content,
    meta: { kind: revision.kind, summary: "", publicNote: null, printedNotes },
  });
  const diff = await diffContentOffLoop({
    from: side(older.revision, olderNotes),
    to: side(newer.revision, newerNotes),
  });
  return { log, comparison: { from, to, diff: publicDiff(diff) } };
}
