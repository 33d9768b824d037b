import type { CreditRole, RevisionKind } from "@/lib/db/generated/enums";
import type { RevisionContent, RevisionCredit, StoryImage } from "@/lib/revisions/revision-content";

/*
 * The structured result of comparing two revisions. Plain serialisable data (no HTML, no class
 * instances) so the server can compute it once and hand it to a client component or the JSON API,
 * and so the renderer decides how insertions look (<ins>/<del> plus a non-colour cue).
 */

/**
 * How finely a field was compared. "word" is the normal case; a diff that ran out of its time
 * budget falls back to "paragraph" (whole paragraphs replaced) or "field" (whole field replaced),
 * and says so instead of hanging.
 */
export type DiffGranularity = "word" | "paragraph" | "field";

/**
 * One run of text: equal on both sides, only in the newer revision (insert) or only in the older (delete).
 * In every list of ops, equal+delete spell the older text exactly and equal+insert the newer, whitespace
 * included.
 */
export type WordOp = { op: "equal" | "insert" | "delete"; text: string };

/**
 * A short text field (headline, dek, byline, caption, summary …); `ops` spell out `from` (equal+delete) and
 * `to` (equal+insert) exactly.
 */
export type TextFieldDiff = {
  changed: boolean;
  from: string;
  to: string;
  granularity: DiffGranularity;
  ops: WordOp[];
};

export type FlagDiff = { changed: boolean; from: boolean; to: boolean };

/**
 * A paragraph of the newer revision that came from a piece of the older one (split) or vice versa (merged).
 */
export type ParagraphPiece = { index: number; text: string; words: WordOp[] };

/**
 * One step of the body comparison, in reading order of the newer revision (deleted paragraphs sit
 * where they used to be). `fromIndex`/`toIndex` are 0-based paragraph positions in the older/newer body,
 * so the UI can link both sides and show "¶ 12 → ¶ 4".
 */
export type BodyOp =
  /**
   * A run of identical paragraphs the UI can collapse to "unchanged: count"; texts kept so it can expand
   * them.
   */
  | { kind: "unchanged"; fromIndex: number; toIndex: number; count: number; paragraphs: string[] }
  /**
   * The same paragraph edited in place; `granularity` is "paragraph" when the word diff was skipped for time.
   */
  | {
      kind: "changed";
      fromIndex: number;
      toIndex: number;
      granularity: DiffGranularity;
      from: string;
      to: string;
      words: WordOp[];
    }
  | { kind: "inserted"; toIndex: number; text: string }
  | { kind: "deleted"; fromIndex: number; text: string }
  /**
   * A paragraph taken out in one place and put in another, shown at its new place. `identical` is false
   * when it was also lightly edited; `words` then holds those edits. `moveId` links it to its "moved-away"
   * marker.
   */
  | {
      kind: "moved";
      moveId: number;
      fromIndex: number;
      toIndex: number;
      identical: boolean;
      text: string;
      words: WordOp[];
    }
  /**
   * Where a moved paragraph used to be, so the older position can say "moved to ¶ n" instead of showing a
   * deletion.
   */
  | { kind: "moved-away"; moveId: number; fromIndex: number; toIndex: number }
  /**
   * One older paragraph now split across consecutive newer paragraphs; each piece carries its own word edits.
   */
  | { kind: "split"; fromIndex: number; from: string; pieces: ParagraphPiece[] }
  /**
   * Consecutive older paragraphs joined into one newer paragraph; each source carries the word edits of its
   * part.
   */
  | { kind: "merged"; toIndex: number; to: string; sources: ParagraphPiece[] };

export type BodyDiff = {
  changed: boolean;
  /** The coarsest granularity any paragraph of the body had to fall back to. */
  granularity: DiffGranularity;
  fromParagraphCount: number;
  toParagraphCount: number;
  ops: BodyOp[];
};

/**
 * An image matched across revisions by URL; "kept" images report caption/credit/alt edits and whether they
 * moved.
 */
export type ImageDiff =
  | { status: "added"; toIndex: number; image: StoryImage }
  | { status: "removed"; fromIndex: number; image: StoryImage }
  | {
      status: "kept";
      url: string;
      /** The library photo, for images added from it (older images have only a URL). */
      photoId?: string;
      fromIndex: number;
      toIndex: number;
      /** Its position relative to the other kept images changed (not merely shifted by an insertion). */
      moved: boolean;
      changed: boolean;
      alt: TextFieldDiff;
      caption: TextFieldDiff;
      credit: TextFieldDiff;
    };

export type ImagesDiff = { changed: boolean; reordered: boolean; entries: ImageDiff[] };

/**
 * A credit matched by contributor (and role where one contributor holds several); role or place changes are
 * "kept" with flags.
 */
export type CreditDiff =
  | { status: "added"; toIndex: number; credit: RevisionCredit }
  | { status: "removed"; fromIndex: number; credit: RevisionCredit }
  | {
      status: "kept";
      contributorId: string;
      name: string;
      fromIndex: number;
      toIndex: number;
      moved: boolean;
      changed: boolean;
      role: { changed: boolean; from: CreditRole; to: CreditRole };
      location: { changed: boolean; from: string | null; to: string | null };
    };

export type CreditsDiff = { changed: boolean; reordered: boolean; entries: CreditDiff[] };

/**
 * Revision-level notes, compared only when both sides' meta was given (they are not part of the content).
 * `printedNotes`: every public note readers see printed on the story with this revision (earlier corrections
 * stay printed after later updates), one per paragraph; compared instead of the revision's own note when
 * given.
 */
export type RevisionNotesMeta = {
  kind: RevisionKind;
  summary: string;
  publicNote: string | null;
  printedNotes?: string;
};

/** One side of a comparison: a revision's content, plus its notes when those should be compared too. */
export type DiffSide = RevisionContent & { meta?: RevisionNotesMeta };

export type NotesDiff = {
  changed: boolean;
  kind: { changed: boolean; from: RevisionKind; to: RevisionKind };
  summary: TextFieldDiff;
  publicNote: TextFieldDiff;
  /** The notes printed on the story, as readers see them; null when the sides did not say. */
  printedNotes: TextFieldDiff | null;
};

export type ContentField =
  "headline" | "dek" | "byline" | "developing" | "body" | "images" | "credits" | "notes";

export type DiffStats = {
  insertedWords: number;
  deletedWords: number;
  /**
   * Paragraphs recognised as moved, split or merged (not counted as inserted/deleted words unless edited).
   */
  movedParagraphs: number;
  changedFields: ContentField[];
};

export type ContentDiff = {
  changed: boolean;
  headline: TextFieldDiff;
  dek: TextFieldDiff;
  byline: TextFieldDiff;
  developing: FlagDiff;
  body: BodyDiff;
  images: ImagesDiff;
  credits: CreditsDiff;
  notes: NotesDiff | null;
  stats: DiffStats;
  /**
   * True when any field fell back to a coarser granularity; `reason` says why, in words fit for an editor.
   */
  degraded: boolean;
  reason: string | null;
};

/**
 * What readers may see in the public change log: content only, never internal notes or the developing flag.
 */
export type PublicContentDiff = Pick<
  ContentDiff,
  "changed" | "headline" | "dek" | "byline" | "body" | "images" | "credits" | "stats" | "degraded" | "reason"
> & {
  /** The notes printed on the story, as readers see them (null when the comparison was made without them). */
  printedNotes: TextFieldDiff | null;
};
