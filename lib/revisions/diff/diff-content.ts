import { diffBody } from "./body-diff";
import type { ContentDiff, DiffSide, NotesDiff, RevisionNotesMeta } from "./content-diff-types";
import { diffCredits } from "./credit-diff";
import { createDiffBudget, defaultDiffTimeoutMs, type DiffBudget } from "./diff-budget";
import { diffStats } from "./diff-stats";
import { diffImages } from "./image-diff";
import { diffTextField } from "./word-diff";

function diffNotes(options: {
  from: RevisionNotesMeta;
  to: RevisionNotesMeta;
  budget: DiffBudget;
}): NotesDiff {
  const { from, to, budget } = options;
  const kind = { changed: from.kind !== to.kind, from: from.kind, to: to.kind };
  const summary = diffTextField({ from: from.summary, to: to.summary, budget, label: "change summary" });
  const publicNote = diffTextField({
    from: from.publicNote ?? "",
    to: to.publicNote ?? "",
    budget,
    label: "public note",
  });
  // What readers see printed decides whether notes changed: a correction's note stays printed after the next
  // update.
  const printedNotes =
    from.printedNotes !== undefined && to.printedNotes !== undefined
      ? diffTextField({ from: from.printedNotes, to: to.printedNotes, budget, label: "printed notes" })
      : null;
  const notesChanged = printedNotes ? printedNotes.changed : publicNote.changed;
  return {
    changed: kind.changed || summary.changed || notesChanged,
    kind,
    summary,
    publicNote,
    printedNotes,
  };
}

/**
 * Compares two revisions field by field (and their notes when both sides carry `meta`) within one time budget
 * (`timeoutMs`, default 1 s). Short fields go first so they are the last to lose word-level detail when a
 * huge body eats the budget; anything that fell back to a coarser granularity is flagged in
 * `degraded`/`reason`.
 */
export function diffContent(options: { from: DiffSide; to: DiffSide; timeoutMs?: number }): ContentDiff {
  const { from, to } = options;
  const budget = createDiffBudget({ timeoutMs: options.timeoutMs ?? defaultDiffTimeoutMs });
  const headline = diffTextField({ from: from.headline, to: to.headline, budget, label: "headline" });
  const dek = diffTextField({ from: from.dek, to: to.dek, budget, label: "dek" });
  const byline = diffTextField({ from: from.byline, to: to.byline, budget, label: "byline" });
  const developing = { changed: from.developing !== to.developing, from: from.developing, to: to.developing };
  const notes = from.meta && to.meta ? diffNotes({ from: from.meta, to: to.meta, budget }) : null;
  const credits = diffCredits({ from: from.credits, to: to.credits });
  const images = diffImages({ from: from.images, to: to.images, budget });
  const body = diffBody({ from: from.body, to: to.body, budget });
  const changed = {
    headline: headline.changed,
    dek: dek.changed,
    byline: byline.changed,
    developing: developing.changed,
    body: body.changed,
    images: images.changed,
    credits: credits.changed,
    notes: notes?.changed ?? false,
  };
  const stats = diffStats({ fields: { headline, dek, byline }, body, images, changed });
  return {
    changed: stats.changedFields.length > 0,
    headline,
    dek,
    byline,
    developing,
    body,
    images,
    credits,
    notes,
    stats,
    degraded: budget.degraded,
    reason: budget.reason,
  };
}
