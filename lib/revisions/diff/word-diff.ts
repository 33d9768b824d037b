import type { DiffGranularity, TextFieldDiff, WordOp } from "./content-diff-types";
import type { DiffBudget } from "./diff-budget";
import { trailingSpace, wordOpBuilder } from "./word-op-builder";
import { diffTokens, wordTokens } from "./word-tokens";

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Counts words the way the change statistics do: runs of letters or digits, punctuation ignored. */
function countWords(text: string): number {
  return text.match(wordPattern)?.length ?? 0;
}

/**
 * The coarse answer when there is no time for a word diff: everything old deleted, everything new inserted.
 */
export function replaceOps(from: string, to: string): WordOp[] {
  const ops: WordOp[] = [];
  if (from) ops.push({ op: "delete", text: from });
  if (to) ops.push({ op: "insert", text: to });
  return ops;
}

/**
 * Word-level ops between two texts within what is left of the budget, or undefined when the budget
 * ran out. equal+delete spell `from` exactly and equal+insert spell `to`, whitespace included.
 */
export function wordOps(options: { from: string; to: string; budget: DiffBudget }): WordOp[] | undefined {
  const { from, to, budget } = options;
  if (from === to) return from ? [{ op: "equal", text: from }] : [];
  if (!from || !to) return replaceOps(from, to);
  const [before, after] = [wordTokens(from), wordTokens(to)];
  const changes = diffTokens({ from: before, to: after, budget });
  if (!changes) return undefined;
  const ops = wordOpBuilder();
  let [oldPos, newPos] = [0, 0];
  for (const change of changes) {
    for (let k = 0; k < change.count; k += 1) {
      if (change.kind === "delete") ops.change("delete", before[oldPos++] ?? "");
      else if (change.kind === "insert") ops.change("insert", after[newPos++] ?? "");
      else ops.equalToken(before[oldPos++] ?? "", after[newPos++] ?? "");
    }
  }
  ops.tails(trailingSpace(from), trailingSpace(to));
  return ops.ops();
}

/** A short text field compared word by word, or replaced whole (and the budget told) when time ran out. */
export function diffTextField(options: {
  from: string;
  to: string;
  budget: DiffBudget;
  label: string;
}): TextFieldDiff {
  const { from, to, budget, label } = options;
  const ops = wordOps({ from, to, budget });
  let granularity: DiffGranularity = "word";
  if (!ops) {
    granularity = "field";
    budget.degrade(
      `The ${label} was compared as a whole because comparing it word by word would have taken too long.`,
    );
  }
  return { changed: from !== to, from, to, granularity, ops: ops ?? replaceOps(from, to) };
}

/** Totals of inserted and deleted words in a list of ops. */
export function tallyWords(ops: readonly WordOp[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const op of ops) {
    if (op.op === "insert") inserted += countWords(op.text);
    else if (op.op === "delete") deleted += countWords(op.text);
  }
  return { inserted, deleted };
}
