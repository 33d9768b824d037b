import type { DiffBudget } from "@/lib/revisions/diff/diff-budget";
import { alignParagraphs } from "@/lib/revisions/diff/paragraph-alignment";
import { splitParagraphs } from "@/lib/revisions/diff/paragraphs";

import { alignTexts, type Alignment } from "./alignment";

/*
 * When one word diff of the whole field is too costly (a huge story rewritten throughout), the body is read
 * the way compare reads it: paragraphs aligned first (identical ones, moves, then pairs, splits and merges by
 * similarity), and the word diff run only between an old paragraph and what became of it. Cost follows the
 * number of paragraphs, not the size of the rewrite.
 */

export type Span = { start: number; end: number };

const rawBreak = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g;

/** splitParagraphs' blocks, as places in the raw text (its CRLFs kept), or null if they do not line up. */
function rawParagraphs(text: string): Span[] | null {
  const spans: Span[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    while (start < to && (text.charAt(start) === "\n" || text.charAt(start) === "\r")) start += 1;
    let end = to;
    while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
    if (text.slice(start, end).trim() !== "") spans.push({ start, end });
  };
  let from = 0;
  for (const separator of text.matchAll(rawBreak)) {
    push(from, separator.index);
    from = separator.index + separator[0].length;
  }
  push(from, text.length);
  const expected = splitParagraphs(text);
  const same =
    expected.length === spans.length &&
    spans.every(
      (span, index) => text.slice(span.start, span.end).replace(/\r\n?/g, "\n") === expected[index],
    );
  return same ? spans : null;
}

/** For one old paragraph: the stretch of new text it became, and the word alignment between them. */
export type ParagraphCounterpart = { from: Span; to: Span; alignment: Alignment | undefined };

export type ParagraphMap = {
  /** The old paragraph holding [start, end) whole, or null when the range is not inside one. */
  paragraphAt: (start: number, end: number) => { index: number; span: Span } | null;
  /** What the old paragraph became: null when it was deleted, undefined when time ran out. */
  counterpart: (index: number) => ParagraphCounterpart | null | undefined;
  /** Old paragraphs whose range [start, end) crosses, in order. */
  paragraphsAcross: (start: number, end: number) => { index: number; span: Span }[];
};

/** The paragraph mapping of two texts, or undefined when it could not be finished within the budget. */
export function mapParagraphs(options: {
  from: string;
  to: string;
  budget: DiffBudget;
}): ParagraphMap | undefined {
  const { from, to, budget } = options;
  const [before, after] = [rawParagraphs(from), rawParagraphs(to)];
  if (!before || !after) return undefined;
  const aligned = alignParagraphs({ from: splitParagraphs(from), to: splitParagraphs(to), budget });
  if (!aligned.complete) return undefined;
  const into = new Map<number, [number, number]>();
  for (const step of aligned.steps) {
    if (budget.remaining() <= 0) return undefined;
    if (step.kind === "equal")
      for (let k = 0; k < step.count; k += 1) into.set(step.from + k, [step.to + k, step.to + k]);
    else if (step.kind === "pair" || step.kind === "move") into.set(step.from, [step.to, step.to]);
    else if (step.kind === "split") into.set(step.from, [Math.min(...step.to), Math.max(...step.to)]);
    else if (step.kind === "merge") for (const index of step.from) into.set(index, [step.to, step.to]);
  }
  const cache = new Map<number, ParagraphCounterpart | null>();
  const spanOf = (spans: Span[], index: number): Span => spans[index] ?? { start: 0, end: 0 };
  const paragraphsAcross = (start: number, end: number) =>
    before.flatMap((span, index) => (span.end > start && span.start < end ? [{ index, span }] : []));
  return {
    paragraphsAcross,
    paragraphAt: (start, end) => {
      const index = before.findIndex((span) => span.start <= start && end <= span.end);
      return index < 0 ? null : { index, span: spanOf(before, index) };
    },
    counterpart: (index) => {
      const known = cache.get(index);
      if (known !== undefined) return known;
      const target = into.get(index);
      if (!target) {
        cache.set(index, null);
        return null;
      }
      const fromSpan = spanOf(before, index);
      const toSpan = { start: spanOf(after, target[0]).start, end: spanOf(after, target[1]).end };
      const alignment = alignTexts({
        from: from.slice(fromSpan.start, fromSpan.end),
        to: to.slice(toSpan.start, toSpan.end),
        budget,
      });
      if (!alignment) return undefined;
      const counterpart = { from: fromSpan, to: toSpan, alignment };
      cache.set(index, counterpart);
      return counterpart;
    },
  };
}
