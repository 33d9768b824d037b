import type { RevisionContent, RevisionCredit, StoryImage } from "@/lib/revisions/revision-content";

/*
 * The three-way merge offered when a save is refused because the story moved on. base = the revision
 * the editor started from, ours = the editor's stale submission, theirs = the newest saved revision.
 * Plain serialisable data so it can travel in a 409 response and into the desk's conflict screen.
 */

/** Fields a conflict can sit in; body conflicts are one per overlapping run of paragraphs. */
export type MergeField = "headline" | "dek" | "byline" | "developing" | "body" | "images" | "credits";

/**
 * One place where both sides changed the same thing differently. Text conflicts hold the three texts
 * (body ones as Markdown paragraphs joined by a blank line); list conflicts hold the entry on each side,
 * `null` where that side removed it (or never had it). `id` is stable within one merge result and is
 * what `resolveMerge` choices are keyed by.
 */
export type MergeConflict =
  | { id: string; field: "headline" | "dek" | "byline" | "body"; base: string; ours: string; theirs: string }
  | { id: string; field: "developing"; base: boolean; ours: boolean; theirs: boolean }
  | {
      id: string;
      field: "images";
      key: string;
      base: StoryImage | null;
      ours: StoryImage | null;
      theirs: StoryImage | null;
    }
  | {
      id: string;
      field: "credits";
      key: string;
      base: RevisionCredit | null;
      ours: RevisionCredit | null;
      theirs: RevisionCredit | null;
    };

/** The merged body in order: text both sides agree on (or only one side changed), and conflicts in place. */
export type MergeBodyChunk =
  | { kind: "resolved"; text: string }
  | { kind: "conflict"; id: string; base: string; ours: string; theirs: string };

/**
 * A merged list (images, credits) keeps each conflict at its position so a resolution lands in the right
 * place.
 */
export type MergeListSlot<T> = { kind: "resolved"; value: T } | { kind: "conflict"; id: string };

export type ContentMerge = {
  /** True when nothing needs a human decision; `merged` is then the final content. */
  clean: boolean;
  /** The merged content with every conflict provisionally resolved to theirs (the newest saved revision). */
  merged: RevisionContent;
  body: MergeBodyChunk[];
  images: MergeListSlot<StoryImage>[];
  credits: MergeListSlot<RevisionCredit>[];
  conflicts: MergeConflict[];
  /**
   * Why part of the merge is coarser than usual (the body offered whole because it was too costly to merge),
   * or null.
   */
  reason: string | null;
};

/**
 * How the editor settled one conflict: one side, both (body only: ours then theirs), or their own text (text
 * fields only).
 */
export type MergeChoice = { pick: "ours" | "theirs" | "both" } | { text: string };
