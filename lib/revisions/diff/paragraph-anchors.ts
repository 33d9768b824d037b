import { diffArrays } from "diff";

import type { DiffBudget } from "./diff-budget";
import { longestIncreasing } from "./list-layout";

/*
 * Finds the paragraphs that stayed the same, in order, as anchors between which changes are looked
 * at. Paragraphs occurring once on each side are matched first (patience-style, O(n log n)), so a
 * moved paragraph cannot drag the alignment off course and a huge story costs little; only the short
 * runs between anchors go through jsdiff's diffArrays, under the shared time budget.
 */

export type Gap = { dels: number[]; ins: number[] };
export type EqualRun = { kind: "equal"; from: number; to: number; count: number };
export type Segment = Gap | EqualRun;

class Segments {
  readonly list: Segment[] = [];

  equal(from: number, to: number, count: number) {
    if (count <= 0) return;
    const last = this.list.at(-1);
    if (last && "kind" in last && last.from + last.count === from && last.to + last.count === to)
      last.count += count;
    else this.list.push({ kind: "equal", from, to, count });
  }

  change(side: "dels" | "ins", start: number, end: number) {
    if (end <= start) return;
    let last = this.list.at(-1);
    if (!last || "kind" in last) this.list.push((last = { dels: [], ins: [] }));
    for (let index = start; index < end; index += 1) last[side].push(index);
  }
}

/**
 * Aligns a[a0, a1) with b[b0, b1): shared ends, then diffArrays in between. False when jsdiff ran out of
 * time.
 */
function alignRange(
  segments: Segments,
  a: readonly number[],
  b: readonly number[],
  range: [number, number, number, number],
  budget: DiffBudget,
): boolean {
  let [a0, a1, b0, b1] = range;
  let head = 0;
  while (a0 + head < a1 && b0 + head < b1 && a[a0 + head] === b[b0 + head]) head += 1;
  segments.equal(a0, b0, head);
  [a0, b0] = [a0 + head, b0 + head];
  let tail = 0;
  while (a1 - tail > a0 && b1 - tail > b0 && a[a1 - 1 - tail] === b[b1 - 1 - tail]) tail += 1;
  [a1, b1] = [a1 - tail, b1 - tail];
  let complete = true;
  // One paragraph against one (different, or the ends would have matched) needs no diff at all.
  if (a1 > a0 && b1 > b0 && (a1 - a0 > 1 || b1 - b0 > 1)) {
    // A share of what is left, so laying out a huge fallback still ends within the budget.
    const timeout = budget.remaining() * 0.75;
    const changes = timeout > 0 ? diffArrays(a.slice(a0, a1), b.slice(b0, b1), { timeout }) : undefined;
    if (changes) {
      for (const change of changes) {
        const count = change.value.length;
        if (change.removed) segments.change("dels", a0, (a0 += count));
        else if (change.added) segments.change("ins", b0, (b0 += count));
        else {
          segments.equal(a0, b0, count);
          [a0, b0] = [a0 + count, b0 + count];
        }
      }
    } else complete = false;
  }
  segments.change("dels", a0, a1);
  segments.change("ins", b0, b1);
  segments.equal(a1, b1, tail);
  return complete;
}

export function anchorParagraphs(options: {
  a: readonly number[];
  b: readonly number[];
  budget: DiffBudget;
}): { segments: Segment[]; complete: boolean } {
  const { a, b, budget } = options;
  const seen = new Map<number, { countA: number; countB: number; posA: number; posB: number }>();
  for (const [posA, id] of a.entries()) {
    const entry = seen.get(id);
    if (entry) entry.countA += 1;
    else seen.set(id, { countA: 1, countB: 0, posA, posB: -1 });
  }
  for (const [posB, id] of b.entries()) {
    const entry = seen.get(id);
    if (!entry) continue;
    entry.countB += 1;
    entry.posB = posB;
  }
  const unique = [...seen.values()]
    .filter((entry) => entry.countA === 1 && entry.countB === 1)
    .sort((x, y) => x.posA - y.posA);
  const inOrder = longestIncreasing(unique.map((entry) => entry.posB));
  const anchors = unique.filter((_, index) => inOrder.has(index));

  const segments = new Segments();
  let complete = true;
  let [a0, b0] = [0, 0];
  for (const anchor of [...anchors, { posA: a.length, posB: b.length }]) {
    complete = alignRange(segments, a, b, [a0, anchor.posA, b0, anchor.posB], budget) && complete;
    segments.equal(anchor.posA, anchor.posB, anchor.posA < a.length ? 1 : 0);
    [a0, b0] = [anchor.posA + 1, anchor.posB + 1];
  }
  return { segments: segments.list, complete };
}
