/**
 * Paragraph-level helpers for the body comparison. A paragraph is a Markdown block separated from
 * the next by a blank line; similarity is measured on bags of lower-cased words so pairing and move
 * detection stay cheap (no word diff is run until a pair has been chosen).
 */

/** Splits a Markdown body into its blocks (blank-line separated), dropping empty ones. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+/, "").trimEnd())
    .filter((block) => block.trim() !== "");
}

export type WordBag = { counts: Map<string, number>; size: number };

const bagPattern = /[\p{L}\p{N}]+/gu;

export function wordBag(text: string): WordBag {
  const counts = new Map<string, number>();
  let size = 0;
  for (const match of text.toLowerCase().matchAll(bagPattern)) {
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    size += 1;
  }
  return { counts, size };
}

/** How many words (with multiplicity) two bags share. */
export function commonWords(a: WordBag, b: WordBag): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, count] of small.counts) {
    const other = large.counts.get(word);
    if (other) common += Math.min(count, other);
  }
  return common;
}

/** Dice coefficient of two bags: 1 for the same words, 0 for none in common. */
export function similarity(a: WordBag, b: WordBag): number {
  const total = a.size + b.size;
  return total === 0 ? 1 : (2 * commonWords(a, b)) / total;
}

/** The bag of several paragraphs read as one (for split and merge checks). */
export function joinBags(bags: readonly WordBag[]): WordBag {
  const counts = new Map<string, number>();
  let size = 0;
  for (const bag of bags) {
    size += bag.size;
    for (const [word, count] of bag.counts) counts.set(word, (counts.get(word) ?? 0) + count);
  }
  return { counts, size };
}
