import "server-only";

import { getDb } from "@/lib/db/client";
import { readPublicNotes } from "@/lib/public/published-story";
import { publicNoteLabels } from "@/lib/render/public-article";

import { isNoteKind } from "./publication-plan";
import { noteRequiredKinds } from "./revision-content";
import type { RevisionDto } from "./revision-dto";

/**
 * The public notes printed on the story with `revision`, as readers see them, one paragraph each
 * ("Correction: …"). Notes are collected from history (readPublicNotes), so a later update still prints an
 * earlier correction. A draft prints, once published, what is printed already plus its own note and those of
 * the drafts before it since then.
 */
export async function printedNotesText(options: { storyId: string; revision: RevisionDto }): Promise<string> {
  const { storyId, revision } = options;
  const printed = await readPublicNotes({ storyId, upTo: revision.number });
  const notes = printed.map((note) => ({ kind: note.kind, text: note.text }));
  if (revision.publishedAt === null) {
    const lastPublished = await getDb().revision.findFirst({
      where: { storyId, number: { lt: revision.number }, publishedAt: { not: null } },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const drafts = await getDb().revision.findMany({
      where: {
        storyId,
        number: { gt: lastPublished?.number ?? 0, lte: revision.number },
        publishedAt: null,
        kind: { in: [...noteRequiredKinds] },
      },
      orderBy: { number: "asc" },
      select: { kind: true, publicNote: true },
    });
    for (const draft of drafts)
      if (isNoteKind(draft.kind) && draft.publicNote)
        notes.push({ kind: draft.kind, text: draft.publicNote });
  }
  return notes.map((note) => `${publicNoteLabels[note.kind]}: ${note.text}`).join("\n\n");
}
