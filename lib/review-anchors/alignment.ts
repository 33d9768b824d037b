import { diffArrays } from "diff";

import type { DiffBudget } from "@/lib/revisions/diff/diff-budget";
import { trailingSpace } from "@/lib/revisions/diff/word-op-builder";
import { diffTokens, wordTokens } from "@/lib/revisions/diff/word-tokens";

/*
 * How one text's characters line up with another's, from compare's word diff (word-tokens.ts, under the same
 * budget): runs of characters the diff kept ("equal", each a slice identical on both sides) and the changed
 * regions between them ("hunks"). A hunk can later be refined by a character diff, for words that were edited
 * inside ("talks" → "talking") where a selection that ends mid-word may still be intact.
 */

export type EqualRun = { oldStart: number; newStart: number; length: number };
export type Hunk = { oldStart: number; oldEnd: number; newStart: number; newEnd: number };
export type Alignment = { equal: EqualRun[]; hunks: Hunk[] };

class AlignmentBuilder {
  readonly equal: EqualRun[] = [];
  readonly hunks: Hunk[] = [];
  private oldCursor = 0;
  private newCursor = 0;

  /** Characters old[oldStart, +length) and new[newStart, +length) are the same and kept. */
  keep(oldStart: number, newStart: number, length: number) {
    if (length <= 0) return;
    this.changeUpTo(oldStart, newStart);
    const last = this.equal.at(-1);
    if (last && last.oldStart + last.length === oldStart && last.newStart + last.length === newStart)
      last.length += length;
    else this.equal.push({ oldStart, newStart, length });
    this.oldCursor = oldStart + length;
    this.newCursor = newStart + length;
  }

  /** Everything since the last kept run, up to these positions, changed. */
  changeUpTo(oldEnd: number, newEnd: number) {
    if (oldEnd > this.oldCursor || newEnd > this.newCursor)
      this.hunks.push({
        oldStart: this.oldCursor,
        oldEnd,
        newStart: this.newCursor,
        newEnd,
      });
    this.oldCursor = oldEnd;
    this.newCursor = newEnd;
  }
}

/** Characters tokenised between two looks at the budget. */
const tokenChunk = 20_000;

/**
 * compare's tokens of a text, read a chunk at a time so a huge story cannot outrun the budget before the diff
 * begins; undefined when it ran out. Chunks end where whitespace begins, which no token carries at its end, so
 * the tokens are the same as wordTokens(text) gives.
 */
function tokensWithin(text: string, budget: DiffBudget): string[] | undefined {
  const tokens: string[] = [];
  let from = 0;
  while (from < text.length) {
    if (budget.remaining() <= 0) return undefined;
    let cut = Math.min(text.length, from + tokenChunk);
    while (cut < text.length && !(/\s/.test(text.charAt(cut)) && !/\s/.test(text.charAt(cut - 1)))) cut += 1;
    for (const token of wordTokens(text.slice(from, cut))) tokens.push(token);
    from = cut;
  }
  return tokens;
}

function startsOf(tokens: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.length;
  }
  return starts;
}

function leadingSpace(token: string): number {
  return token.length - token.trimStart().length;
}

/**
 * The alignment of two texts by compare's word diff, or undefined when the budget ran out. Words found on one
 * side only cannot be kept by any diff and are set aside before it (as GNU diff does with lines), so a
 * rewrite in new words costs little however long the story is.
 */
export function alignTexts(options: { from: string; to: string; budget: DiffBudget }): Alignment | undefined {
  const { from, to, budget } = options;
  const builder = new AlignmentBuilder();
  const before = tokensWithin(from, budget);
  const after = before && tokensWithin(to, budget);
  if (!before || !after) return undefined;
  const [beforeStarts, afterStarts] = [startsOf(before), startsOf(after)];
  const afterWords = new Set(after.map((token) => token.trim()));
  const beforeWords = new Set(before.map((token) => token.trim()));
  const keptBefore = before.flatMap((token, index) => (afterWords.has(token.trim()) ? [index] : []));
  const keptAfter = after.flatMap((token, index) => (beforeWords.has(token.trim()) ? [index] : []));
  // One diff for the whole field, so it may use all the time left rather than compare's per-paragraph share.
  const wholeField: DiffBudget = { ...budget, stepLimit: () => budget.remaining() };
  const changes =
    keptBefore.length && keptAfter.length
      ? diffTokens({
          from: keptBefore.map((index) => before[index] ?? ""),
          to: keptAfter.map((index) => after[index] ?? ""),
          budget: wholeField,
        })
      : [];
  if (!changes) return undefined;
  let [oldAt, newAt] = [0, 0];
  for (const change of changes) {
    if (change.kind === "delete") oldAt += change.count;
    else if (change.kind === "insert") newAt += change.count;
    else
      for (let k = 0; k < change.count; k += 1) {
        const [oldIndex, newIndex] = [keptBefore[oldAt++] ?? 0, keptAfter[newAt++] ?? 0];
        const [oldToken, newToken] = [before[oldIndex] ?? "", after[newIndex] ?? ""];
        const [oldStart, newStart] = [beforeStarts[oldIndex] ?? 0, afterStarts[newIndex] ?? 0];
        // Tokens are compared without the whitespace before them; where that whitespace differs it changed.
        if (oldToken === newToken) builder.keep(oldStart, newStart, oldToken.length);
        else {
          const [oldSpace, newSpace] = [leadingSpace(oldToken), leadingSpace(newToken)];
          builder.keep(oldStart + oldSpace, newStart + newSpace, oldToken.length - oldSpace);
        }
      }
  }
  const [oldTail, newTail] = [trailingSpace(from), trailingSpace(to)];
  if (oldTail === newTail)
    builder.keep(from.length - oldTail.length, to.length - newTail.length, oldTail.length);
  builder.changeUpTo(from.length, to.length);
  return { equal: builder.equal, hunks: builder.hunks };
}

type Letter = { char: string; at: number };

/** The non-blank characters of text[start, end), whole code points, with where each is. */
function lettersOf(text: string, start: number, end: number): Letter[] {
  const letters: Letter[] = [];
  let at = start;
  for (const char of text.slice(start, end)) {
    if (!/\s/.test(char)) letters.push({ char, at });
    at += char.length;
  }
  return letters;
}

/**
 * The characters a changed region kept, by a character diff, or undefined when the budget ran out. Letters
 * (any non-blank code point, so an emoji is never halved) are diffed; blanks are kept only where they sit
 * between two kept letters, unchanged: a space is no evidence, and matching one deleted space with another
 * typed elsewhere would hide the letters that really stayed.
 */
export function refineHunk(options: {
  from: string;
  to: string;
  hunk: Hunk;
  budget: DiffBudget;
}): EqualRun[] | undefined {
  const { from, to, hunk, budget } = options;
  const before = lettersOf(from, hunk.oldStart, hunk.oldEnd);
  const after = lettersOf(to, hunk.newStart, hunk.newEnd);
  const timeout = budget.remaining();
  if (timeout <= 0) return undefined;
  const changes =
    before.length && after.length
      ? diffArrays(
          before.map((letter) => letter.char),
          after.map((letter) => letter.char),
          { timeout },
        )
      : [];
  if (!changes) return undefined;
  const runs: EqualRun[] = [];
  // Kept letters in order, between the two edges of the hunk (which the diff kept on both sides).
  let [lastOld, lastNew] = [hunk.oldStart, hunk.newStart];
  const keepBlanksUpTo = (oldAt: number, newAt: number) => {
    const [oldGap, newGap] = [from.slice(lastOld, oldAt), to.slice(lastNew, newAt)];
    if (oldGap && oldGap === newGap && oldGap.trim() === "")
      runs.push({ oldStart: lastOld, newStart: lastNew, length: oldGap.length });
  };
  let [i, j] = [0, 0];
  for (const change of changes) {
    if (change.added) j += change.count ?? change.value.length;
    else if (change.removed) i += change.count ?? change.value.length;
    else
      for (let k = 0; k < change.value.length; k += 1, i += 1, j += 1) {
        const [old, now] = [before[i], after[j]];
        if (!old || !now) continue;
        keepBlanksUpTo(old.at, now.at);
        runs.push({ oldStart: old.at, newStart: now.at, length: old.char.length });
        [lastOld, lastNew] = [old.at + old.char.length, now.at + now.char.length];
      }
  }
  keepBlanksUpTo(hunk.oldEnd, hunk.newEnd);
  return runs;
}
