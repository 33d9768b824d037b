import type { DiffBudget } from "./diff-budget";
import { pairGap, type GapGroup } from "./gap-pairing";
import { anchorParagraphs, type Gap } from "./paragraph-anchors";
import { similarity, similarityAtMost, wordBag, type WordBag } from "./paragraphs";

/*
 * Aligns the paragraphs of two bodies before any word is compared: identical paragraphs are matched
 * by interned ids (cheap equality, so unchanged text costs almost nothing), moved paragraphs are found
 * across the whole body, and only the runs in between are paired by similarity.
 */

export type AlignmentStep =
  | { kind: "equal"; from: number; to: number; count: number }
  | GapGroup
  | { kind: "delete"; from: number }
  | { kind: "insert"; to: number }
  | { kind: "move-away"; moveId: number; from: number; to: number }
  | { kind: "move"; moveId: number; from: number; to: number; identical: boolean };

/** `complete` is false when time ran out before every changed paragraph could be paired. */
export type ParagraphAlignment = { steps: AlignmentStep[]; complete: boolean };

/** A lightly edited paragraph found elsewhere counts as moved above this similarity. */
const movedThreshold = 0.75;
const unmatchedMoves =
  "Some paragraphs may show as deleted and inserted rather than moved because the comparison ran out of time.";
/** Beyond this many (deleted × inserted) candidates, only identical moves are looked for. */
const maxMoveCandidates = 40_000;

function intern(from: readonly string[], to: readonly string[]): [number[], number[]] {
  const ids = new Map<string, number>();
  const idOf = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = ids.size));
    return id;
  };
  return [from.map(idOf), to.map(idOf)];
}

export function alignParagraphs(options: {
  from: readonly string[];
  to: readonly string[];
  budget: DiffBudget;
}): ParagraphAlignment {
  const { from, to, budget } = options;
  const [a, b] = intern(from, to);
  const { segments, complete } = anchorParagraphs({ a, b, budget });
  if (!complete)
    budget.degrade("The body was compared paragraph by paragraph because the comparison ran out of time.");

  const bags = { from: new Map<number, WordBag>(), to: new Map<number, WordBag>() };
  const bagOf = (side: "from" | "to", index: number): WordBag => {
    let bag = bags[side].get(index);
    if (!bag) bags[side].set(index, (bag = wordBag((side === "from" ? from : to)[index] ?? "")));
    return bag;
  };

  const gaps = segments.filter((segment): segment is Gap => "dels" in segment);
  const moves = complete
    ? findIdenticalMoves(gaps, a, b)
    : { away: new Map<number, number>(), into: new Map<number, number>() };

  const steps: AlignmentStep[] = [];
  let pairingFinished = true;
  for (const segment of segments) {
    if (!("dels" in segment)) {
      steps.push(segment);
      continue;
    }
    const dels = segment.dels.filter((index) => !moves.away.has(index));
    const ins = segment.ins.filter((index) => !moves.into.has(index));
    const groups = complete
      ? pairGap({
          dels: { indexes: dels, bags: dels.map((index) => bagOf("from", index)) },
          ins: { indexes: ins, bags: ins.map((index) => bagOf("to", index)) },
          budget,
        })
      : [];
    if (!groups) {
      pairingFinished = false;
      budget.degrade("Some changed paragraphs were compared whole because the comparison ran out of time.");
    }
    steps.push(...emitGap(segment, groups ?? [], moves));
  }

  if (complete) numberMoves(steps, bagOf, budget);
  return { steps, complete: complete && pairingFinished };
}

type Moves = { away: Map<number, number>; into: Map<number, number> };

/**
 * Deleted paragraphs whose exact text was inserted somewhere else: moves, keyed both ways by paragraph index.
 */
function findIdenticalMoves(gaps: readonly Gap[], a: readonly number[], b: readonly number[]): Moves {
  // Appended and read through a cursor: a body of thousands of identical paragraphs stays linear.
  const inserted = new Map<number, { indexes: number[]; next: number }>();
  for (const gap of gaps) {
    for (const index of gap.ins) {
      const id = b[index] as number;
      const entry = inserted.get(id);
      if (entry) entry.indexes.push(index);
      else inserted.set(id, { indexes: [index], next: 0 });
    }
  }
  const moves: Moves = { away: new Map(), into: new Map() };
  for (const gap of gaps) {
    for (const index of gap.dels) {
      const entry = inserted.get(a[index] as number);
      const target = entry?.indexes[entry.next];
      if (entry === undefined || target === undefined) continue;
      entry.next += 1;
      moves.away.set(index, target);
      moves.into.set(target, index);
    }
  }
  return moves;
}

/**
 * Lays out one gap in order: unpaired paragraphs (deletions first) before each group, moves marked where they
 * stand.
 */
function emitGap(gap: Gap, groups: readonly GapGroup[], moves: Moves): AlignmentStep[] {
  const steps: AlignmentStep[] = [];
  let d = 0;
  let n = 0;
  const grouped = new Set<string>();
  for (const group of groups) {
    for (const from of [group.from].flat()) grouped.add(`f${from}`);
    for (const to of [group.to].flat()) grouped.add(`t${to}`);
  }
  // Paragraphs inside a group's span that are not part of it (only moves can be) are emitted beside it.
  const flush = (fromLimit: number, toLimit: number) => {
    for (; d < gap.dels.length && (gap.dels[d] as number) <= fromLimit; d += 1) {
      const from = gap.dels[d] as number;
      if (grouped.has(`f${from}`)) continue;
      const to = moves.away.get(from);
      steps.push(to === undefined ? { kind: "delete", from } : { kind: "move-away", moveId: 0, from, to });
    }
    for (; n < gap.ins.length && (gap.ins[n] as number) <= toLimit; n += 1) {
      const to = gap.ins[n] as number;
      if (grouped.has(`t${to}`)) continue;
      const from = moves.into.get(to);
      steps.push(
        from === undefined ? { kind: "insert", to } : { kind: "move", moveId: 0, from, to, identical: true },
      );
    }
  };
  for (const group of groups) {
    const froms = [group.from].flat();
    const tos = [group.to].flat();
    flush((froms[0] as number) - 1, (tos[0] as number) - 1);
    steps.push(group);
    flush(froms.at(-1) as number, tos.at(-1) as number);
  }
  flush(Infinity, Infinity);
  return steps;
}

/**
 * Turns leftover deletions and insertions that are near-identical into moves, then numbers every
 * move (by its new position) so the "moved" and "moved-away" ops can point at each other.
 */
function numberMoves(
  steps: AlignmentStep[],
  bagOf: (side: "from" | "to", index: number) => WordBag,
  budget: DiffBudget,
): void {
  const deletions = steps.flatMap((step, position) =>
    step.kind === "delete" ? [{ position, from: step.from }] : [],
  );
  const insertions = steps.flatMap((step, position) =>
    step.kind === "insert" ? [{ position, to: step.to }] : [],
  );
  if (
    deletions.length > 0 &&
    insertions.length > 0 &&
    deletions.length * insertions.length <= maxMoveCandidates
  ) {
    const claimed = new Set<number>();
    // Finding edited moves is a refinement: when time is up, the rest simply stay deleted and inserted.
    // The budget is asked before every comparison, since one comparison of a huge paragraph is itself long.
    search: for (const deletion of deletions) {
      let best: { position: number; to: number; score: number } | null = null;
      const deleted = bagOf("from", deletion.from);
      for (const insertion of insertions) {
        if (budget.remaining() <= 0) {
          budget.degrade(unmatchedMoves);
          break search;
        }
        if (claimed.has(insertion.position)) continue;
        const inserted = bagOf("to", insertion.to);
        if (similarityAtMost(deleted, inserted) < movedThreshold) continue;
        const score = similarity(deleted, inserted);
        if (score >= movedThreshold && (!best || score > best.score)) best = { ...insertion, score };
      }
      if (!best) continue;
      claimed.add(best.position);
      steps[deletion.position] = { kind: "move-away", moveId: 0, from: deletion.from, to: best.to };
      steps[best.position] = { kind: "move", moveId: 0, from: deletion.from, to: best.to, identical: false };
    }
  }
  const ids = new Map<number, number>();
  for (const step of steps) if (step.kind === "move") ids.set(step.to, (step.moveId = ids.size + 1));
  for (const step of steps) if (step.kind === "move-away") step.moveId = ids.get(step.to) ?? 0;
}
