import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { isOneOf } from "@/lib/validation/one-of";

import { splitParagraphs } from "./diff/paragraphs";
import type { NoteKind } from "./publication-plan";
import { readRevision } from "./read-revision";
import { noteRequiredKinds, type RevisionContent } from "./revision-content";

/** A published correction (clarification, editor's note) whose fix a restore would take back. */
export type UndoneCorrection = { revision: number; kind: NoteKind; note: string };

/**
 * What a restore would silently take back: published fixes, and the "developing" label on a story declared
 * final.
 */
export type RestoreReverts = { corrections: UndoneCorrection[]; reopensDeveloping: boolean };

const headerFields = ["headline", "dek", "byline"] as const;

/**
 * Text a published fix removed and a restore would bring back: a paragraph (or headline, dek, byline) that
 * readers saw before the fix, that the newest revision no longer has, and that the restored content has
 * again.
 */
function undoes(options: {
  before: RevisionContent;
  fixed: RevisionContent;
  newest: RevisionContent;
  restored: RevisionContent;
}): boolean {
  const { before, fixed, newest, restored } = options;
  for (const field of headerFields) {
    if (
      before[field] !== fixed[field] &&
      restored[field] === before[field] &&
      newest[field] !== before[field]
    )
      return true;
  }
  const fixedParagraphs = new Set(splitParagraphs(fixed.body));
  const newestParagraphs = new Set(splitParagraphs(newest.body));
  const restoredParagraphs = new Set(splitParagraphs(restored.body));
  return splitParagraphs(before.body).some(
    (paragraph) =>
      !fixedParagraphs.has(paragraph) &&
      !newestParagraphs.has(paragraph) &&
      restoredParagraphs.has(paragraph),
  );
}

/**
 * What restoring revision `number` would revert. Each published fix after it is checked against what readers
 * saw just before that fix went live (the previous published revision), so a correction carried from a draft
 * counts as well.
 */
export async function findRestoreReverts(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  number: number;
  restored: RevisionContent;
  newest: RevisionContent;
}): Promise<RestoreReverts> {
  const { tx, storyId, number, restored, newest } = options;
  const published = await tx.revision.findMany({
    where: { storyId, publishedAt: { not: null } },
    orderBy: { number: "asc" },
    select: { number: true, kind: true, publicNote: true, carriedNotes: true },
  });
  const corrections: UndoneCorrection[] = [];
  for (const [index, fix] of published.entries()) {
    const previous = published[index - 1];
    if (fix.number <= number || !previous || !isOneOf(noteRequiredKinds, fix.kind)) continue;
    // One query at a time: a transaction owns a single connection.
    const before = await readRevision({ tx, storyId, number: previous.number });
    const fixed = await readRevision({ tx, storyId, number: fix.number });
    if (!undoes({ before: before.revision.content, fixed: fixed.revision.content, newest, restored }))
      continue;
    const carried = (fix.carriedNotes as { kind: NoteKind; text: string }[]) ?? [];
    const notes = [...carried, ...(fix.publicNote ? [{ kind: fix.kind, text: fix.publicNote }] : [])];
    for (const note of notes) corrections.push({ revision: fix.number, kind: note.kind, note: note.text });
  }
  return { corrections, reopensDeveloping: restored.developing && !newest.developing };
}

export function hasReverts(reverts: RestoreReverts): boolean {
  return reverts.corrections.length > 0 || reverts.reopensDeveloping;
}
