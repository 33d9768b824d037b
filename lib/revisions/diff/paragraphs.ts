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

/** A paragraph's words as sorted 32-bit hashes: a multiset that compares without string maps. */
export type WordBag = { hashes: Int32Array; size: number };

const wordChar = /[\p{L}\p{N}]/u;

/** Whether the code unit at `index` is a letter or digit in any script, with a fast path for ASCII. */
export function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return wordChar.test(text.charAt(index));
}

/**
 * Lower-cased words (runs of letters or digits) hashed with FNV-1a; a collision only nudges a similarity
 * score.
 */
export function wordBag(text: string): WordBag {
  const hashes = new Int32Array((text.length >> 1) + 1);
  let size = 0;
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    let code = text.charCodeAt(index);
    if (isWordChar(text, index)) {
      if (code >= 65 && code <= 90) code += 32;
      else if (code >= 128) code = text.charAt(index).toLowerCase().charCodeAt(0);
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
    } else if (inWord) {
      hashes[size++] = hash;
      hash = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) hashes[size++] = hash;
  return { hashes: hashes.slice(0, size).sort(), size };
}

/** How many words (with multiplicity) two bags share. */
export function commonWords(a: WordBag, b: WordBag): number {
  const [x, y] = [a.hashes, b.hashes];
  let [i, j, common] = [0, 0, 0];
  while (i < x.length && j < y.length) {
    const [left, right] = [x[i] as number, y[j] as number];
    if (left === right) {
      common += 1;
      i += 1;
      j += 1;
    } else if (left < right) i += 1;
    else j += 1;
  }
  return common;
}

/** Dice coefficient of two bags: 1 for the same words, 0 for none in common. */
export function similarity(a: WordBag, b: WordBag): number {
  const total = a.size + b.size;
  return total === 0 ? 1 : (2 * commonWords(a, b)) / total;
}

/**
 * The highest similarity two bags of these sizes could have, without comparing a word: a one-word paragraph
 * cannot be a moved copy of a 400,000-word one, and saying so costs nothing.
 */
export function similarityAtMost(a: WordBag, b: WordBag): number {
  const total = a.size + b.size;
  return total === 0 ? 1 : (2 * Math.min(a.size, b.size)) / total;
}

/** The bag of several paragraphs read as one (for split and merge checks). */
export function joinBags(bags: readonly WordBag[]): WordBag {
  const hashes = new Int32Array(bags.reduce((total, bag) => total + bag.size, 0));
  let offset = 0;
  for (const bag of bags) {
    hashes.set(bag.hashes, offset);
    offset += bag.size;
  }
  return { hashes: hashes.sort(), size: hashes.length };
}
