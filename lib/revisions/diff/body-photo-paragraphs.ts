import { isBodyPhotoProblem, parseBodyPhotoLine, type BodyPhoto } from "@/lib/render/body-photo-line";

import type { BodyOp, TextFieldDiff, WordOp } from "./content-diff-types";
import { createDiffBudget } from "./diff-budget";
import { diffTextField } from "./word-diff";

/*
 * Photo lines in a body comparison, for the views only. The comparison itself (diffContent) stays faithful to
 * the Markdown, which is what the API returns; the readers' change log and the desk's compare screen read
 * each paragraph through here and show a photo line as a photo instead of its `::photo{…}` text. Pure, so the
 * desk's client components and the public renderer share it.
 */

/**
 * The photo a body paragraph places, or null for any other paragraph (a line that cannot be read is refused
 * at save, so a stored one shows as the text it is).
 */
export function paragraphPhoto(text: string): BodyPhoto | null {
  if (!text.startsWith("::photo") || text.includes("\n")) return null;
  const read = parseBodyPhotoLine(text);
  return read && !isBodyPhotoProblem(read) ? read : null;
}

/** One side of a run of word ops: equal+delete spell the older text, equal+insert the newer. */
export function sideText(words: readonly WordOp[], side: "from" | "to"): string {
  const dropped = side === "from" ? "insert" : "delete";
  return words
    .filter((op) => op.op !== dropped)
    .map((op) => op.text)
    .join("");
}

/** Whether a step of the body comparison has a photo line on either side, so a view shows it as a photo. */
export function bodyOpHasPhoto(op: BodyOp): boolean {
  const any = (texts: readonly string[]) => texts.some((text) => paragraphPhoto(text) !== null);
  switch (op.kind) {
    case "unchanged":
      return any(op.paragraphs);
    case "changed":
      return any([op.from, op.to]);
    case "inserted":
    case "deleted":
      return any([op.text]);
    case "moved":
      return any([op.text, sideText(op.words, "from")]);
    case "moved-away":
      return false;
    case "split":
      return any([op.from, ...op.pieces.map((piece) => piece.text)]);
    case "merged":
      return any([op.to, ...op.sources.map((source) => source.text)]);
  }
}

/** Word changes between two short texts (a caption, a credit, a reader's line), each with its own budget. */
export function compareShortText(from: string, to: string): TextFieldDiff {
  return diffTextField({ from, to, budget: createDiffBudget({ timeoutMs: 50 }), label: "photo text" });
}

/** One placed photo against another: what a reviewer checks, field by field. */
export type PhotoEdit = {
  from: BodyPhoto;
  to: BodyPhoto;
  /**
   * A different library photo. Its words may all be the same, so every view must still say so (the desk
   * shows both thumbnails, readers read "Photo replaced").
   */
  replaced: boolean;
  changed: boolean;
  caption: TextFieldDiff;
  credit: TextFieldDiff;
  alt: TextFieldDiff;
};

export function comparePhotos(from: BodyPhoto, to: BodyPhoto): PhotoEdit {
  const caption = compareShortText(from.caption, to.caption);
  const credit = compareShortText(from.credit, to.credit);
  const alt = compareShortText(from.alt, to.alt);
  const replaced = from.photoId !== to.photoId;
  return {
    from,
    to,
    replaced,
    changed: replaced || caption.changed || credit.changed || alt.changed,
    caption,
    credit,
    alt,
  };
}
