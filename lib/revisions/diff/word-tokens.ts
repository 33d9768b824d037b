import { diffArrays } from "diff";
import type { DiffBudget } from "./diff-budget";

/*
 * Words (and single punctuation marks) each carrying the whitespace before them, so joining tokens
 * gives the text back and a diff can be rendered without re-spacing. Tokens are compared without
 * that whitespace. Diffing these arrays with jsdiff's diffArrays measured ~7× faster than diffWords
 * on news paragraphs, which is what keeps a half-rewritten 10,000-word story under its budget.
 */
const tokenPattern = /\s*(?:[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\S)/gu;

export function wordTokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

export type TokenChange = { kind: "equal" | "insert" | "delete"; count: number };

/**
 * Token-level changes between two token lists within one step of the budget, or undefined when
 * jsdiff gave up (it returns undefined on timeout) or nothing was left. A timeout of 0 would mean
 * "no limit" to jsdiff, so a spent budget never calls it.
 */
export function diffTokens(options: { from: readonly string[]; to: readonly string[]; budget: DiffBudget }): TokenChange[] | undefined {
  const timeout = options.budget.stepLimit();
  if (timeout <= 0) return undefined;
  const changes = diffArrays(
    options.from.map((token) => token.trim()),
    options.to.map((token) => token.trim()),
    { timeout },
  );
  return changes?.map((change) => ({
    kind: change.added ? "insert" : change.removed ? "delete" : "equal",
    count: change.value.length,
  }));
}
