/*
 * Where a review comment's words are. Offsets are UTF-16 code units into one revision's field text, end
 * exclusive, as the ReviewThread columns anchorStart/anchorEnd store them; the quote is text.slice(start, end).
 */
export type AnchorRange = { start: number; end: number };

/**
 * What became of a comment's words in another revision of the same field:
 * - "found": they survive untouched, at [start, end) of that text (its slice equals the quote);
 * - "gone": they do not. "changed" when some of them still stand (a correction inside them), "removed" when
 *   none do (the passage was cut or rewritten). The reason is for the sentence the desk shows; only the kind
 *   is exact;
 * - "unknown": the comparison ran out of its time budget before it could tell. Never read as "gone": run it
 *   again with more time (relocateAnchorsOffLoop).
 */
export type AnchorPlacement =
  | { kind: "found"; start: number; end: number }
  | { kind: "gone"; reason: "changed" | "removed" }
  | { kind: "unknown" };
