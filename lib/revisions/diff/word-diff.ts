import { diffWords } from "diff";
import type { DiffGranularity, TextFieldDiff, WordOp } from "./content-diff-types";
import type { DiffBudget } from "./diff-budget";

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Counts words the way the change statistics do: runs of letters or digits, punctuation ignored. */
function countWords(text: string): number {
  return text.match(wordPattern)?.length ?? 0;
}

/** The coarse answer when there is no time for a word diff: everything old deleted, everything new inserted. */
export function replaceOps(from: string, to: string): WordOp[] {
  const ops: WordOp[] = [];
  if (from) ops.push({ op: "delete", text: from });
  if (to) ops.push({ op: "insert", text: to });
  return ops;
}

/**
 * Word-level ops between two texts within what is left of the budget, or undefined when jsdiff gave
 * up (it returns undefined on timeout) or no time was left to try. A timeout of 0 would mean "no
 * limit" to jsdiff, so a spent budget never calls it.
 */
export function wordOps(options: { from: string; to: string; budget: DiffBudget }): WordOp[] | undefined {
  const { from, to, budget } = options;
  if (from === to) return from ? [{ op: "equal", text: from }] : [];
  if (!from || !to) return replaceOps(from, to);
  const timeout = budget.remaining();
  if (timeout <= 0) return undefined;
  const changes = diffWords(from, to, { timeout });
  if (!changes) return undefined;
  return changes.map((change) => ({
    op: change.added ? "insert" : change.removed ? "delete" : "equal",
    text: change.value,
  }));
}

/** A short text field compared word by word, or replaced whole (and the budget told) when time ran out. */
export function diffTextField(options: { from: string; to: string; budget: DiffBudget; label: string }): TextFieldDiff {
  const { from, to, budget, label } = options;
  const ops = wordOps({ from, to, budget });
  let granularity: DiffGranularity = "word";
  if (!ops) {
    granularity = "field";
    budget.degrade(`The ${label} was compared as a whole because the comparison ran out of time.`);
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
