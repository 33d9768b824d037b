import type { BodyDiff, BodyOp, DiffGranularity } from "./content-diff-types";
import type { DiffBudget } from "./diff-budget";
import { alignParagraphs } from "./paragraph-alignment";
import { splitParagraphs } from "./paragraphs";
import { coarsePieces, mergedSources, splitPieces } from "./piece-words";
import { replaceOps, wordOps } from "./word-diff";

const slowWords =
  "Some changed paragraphs were compared whole because comparing them word by word would have taken too long.";

/**
 * The body compared paragraph first, then word by word only inside paragraphs that changed, so the
 * cost follows the size of the edit rather than the size of the story.
 */
export function diffBody(options: { from: string; to: string; budget: DiffBudget }): BodyDiff {
  const { budget } = options;
  const from = splitParagraphs(options.from);
  const to = splitParagraphs(options.to);
  const alignment = alignParagraphs({ from, to, budget });
  let granularity: DiffGranularity = alignment.complete ? "word" : "paragraph";
  const coarse = () => {
    granularity = "paragraph";
    budget.degrade(slowWords);
  };
  const textOf = (side: readonly string[], index: number) => side[index] ?? "";
  const ops: BodyOp[] = [];

  for (const step of alignment.steps) {
    switch (step.kind) {
      case "equal": {
        const last = ops.at(-1);
        const paragraphs = to.slice(step.to, step.to + step.count);
        if (
          last?.kind === "unchanged" &&
          last.toIndex + last.count === step.to &&
          last.fromIndex + last.count === step.from
        ) {
          last.count += step.count;
          last.paragraphs.push(...paragraphs);
        } else
          ops.push({
            kind: "unchanged",
            fromIndex: step.from,
            toIndex: step.to,
            count: step.count,
            paragraphs,
          });
        break;
      }
      case "pair": {
        const [before, after] = [textOf(from, step.from), textOf(to, step.to)];
        const words = wordOps({ from: before, to: after, budget });
        if (!words) coarse();
        ops.push({
          kind: "changed",
          fromIndex: step.from,
          toIndex: step.to,
          granularity: words ? "word" : "paragraph",
          from: before,
          to: after,
          words: words ?? replaceOps(before, after),
        });
        break;
      }
      case "delete":
        ops.push({ kind: "deleted", fromIndex: step.from, text: textOf(from, step.from) });
        break;
      case "insert":
        ops.push({ kind: "inserted", toIndex: step.to, text: textOf(to, step.to) });
        break;
      case "move-away":
        ops.push({ kind: "moved-away", moveId: step.moveId, fromIndex: step.from, toIndex: step.to });
        break;
      case "move": {
        const [before, after] = [textOf(from, step.from), textOf(to, step.to)];
        let words = step.identical
          ? [{ op: "equal" as const, text: after }]
          : wordOps({ from: before, to: after, budget });
        if (!words) {
          coarse();
          words = replaceOps(before, after);
        }
        ops.push({
          kind: "moved",
          moveId: step.moveId,
          fromIndex: step.from,
          toIndex: step.to,
          identical: step.identical,
          text: after,
          words,
        });
        break;
      }
      case "split": {
        const whole = textOf(from, step.from);
        const pieces = step.to.map((index) => ({ index, text: textOf(to, index) }));
        let result = splitPieces({ from: whole, pieces, budget });
        if (!result) {
          coarse();
          result = coarsePieces({ whole, pieces, wholeIsOld: true });
        }
        ops.push({ kind: "split", fromIndex: step.from, from: whole, pieces: result });
        break;
      }
      case "merge": {
        const whole = textOf(to, step.to);
        const sources = step.from.map((index) => ({ index, text: textOf(from, index) }));
        let result = mergedSources({ to: whole, sources, budget });
        if (!result) {
          coarse();
          result = coarsePieces({ whole, pieces: sources, wholeIsOld: false });
        }
        ops.push({ kind: "merged", toIndex: step.to, to: whole, sources: result });
        break;
      }
    }
  }
  return {
    // Line-ending or blank-line differences alone are not a change anyone can see.
    changed: ops.some((op) => op.kind !== "unchanged"),
    granularity,
    fromParagraphCount: from.length,
    toParagraphCount: to.length,
    ops,
  };
}
