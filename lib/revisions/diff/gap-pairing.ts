import type { DiffBudget } from "./diff-budget";
import { commonWords, joinBags, similarity, type WordBag } from "./paragraphs";

/*
 * Inside a run of paragraphs that changed (a "gap" between identical anchors), decide which old
 * paragraph became which new one: edited in place (pair), split into consecutive pieces, or several
 * merged into one. A weighted alignment keeps both sides in order; weights are word-bag similarity,
 * scaled by how many paragraphs a group explains so a true split beats "pair plus insertion".
 */

export type GapGroup =
  | { kind: "pair"; from: number; to: number }
  | { kind: "split"; from: number; to: number[] }
  | { kind: "merge"; from: number[]; to: number };

/** Below this similarity two paragraphs are treated as unrelated (deleted + inserted). */
const pairThreshold = 0.4;
/** A split or merge must explain the whole paragraph this well, and each piece must come mostly from it. */
const joinThreshold = 0.75;
const pieceContainment = 0.7;
const maxPieces = 3;
/** Larger gaps are aligned in blocks of about this many paragraphs per side to bound time and memory. */
const blockSize = 120;
/** How far from the diagonal of a run (in paragraphs) an in-place edit is looked for. */
const bandWidth = 6;
/** Runs this small (old × new paragraphs) are searched completely. */
const fullSearch = 2_500;

type Side = { indexes: readonly number[]; bags: readonly WordBag[] };

function dice(common: number, a: WordBag, b: WordBag): number {
  const total = a.size + b.size;
  return total === 0 ? 1 : (2 * common) / total;
}

/**
 * Whether every piece (bags[start + p] sharing commons[p] words with the whole) comes mostly from the whole.
 */
function contained(bags: readonly WordBag[], start: number, commons: readonly number[]): boolean {
  return commons.every((common, p) => {
    const size = (bags[start + p] as WordBag).size;
    return common >= 0 && size > 0 && common / size >= pieceContainment;
  });
}

/** Weight of one paragraph on one side explaining `pieces` consecutive paragraphs on the other, or 0. */
function joinWeight(whole: WordBag, pieces: readonly WordBag[], commons: readonly number[]): number {
  // Cheap upper bound first: the whole cannot share more words with the pieces than with each in turn.
  const piecesSize = pieces.reduce((total, piece) => total + piece.size, 0);
  const sharedAtMost = Math.min(
    whole.size,
    commons.reduce((total, common) => total + common, 0),
  );
  if ((2 * sharedAtMost) / (whole.size + piecesSize) < joinThreshold) return 0;
  const joined = joinBags(pieces);
  const score = dice(commonWords(whole, joined), whole, joined);
  return score >= joinThreshold ? (score * (pieces.length + 1)) / 2 : 0;
}

function alignBlock(dels: Side, ins: Side, budget: DiffBudget): GapGroup[] | undefined {
  const m = dels.indexes.length;
  const n = ins.indexes.length;
  const width = n + 1;
  // Shared words per (old, new) pair, computed only near the diagonal of a long run: an edit in place
  // keeps its position in the run, and a paragraph that travelled further is caught later as a move.
  const band = m * n <= fullSearch ? Infinity : Math.max(bandWidth, Math.abs(m - n) / 4);
  const commons = new Int32Array(m * n).fill(-1);
  const common = (i: number, j: number): number => {
    if (Math.abs(j - ((i + 0.5) * n) / m + 0.5) > band) return -1;
    const cell = i * n + j;
    if ((commons[cell] as number) < 0)
      commons[cell] = commonWords(dels.bags[i] as WordBag, ins.bags[j] as WordBag);
    return commons[cell] as number;
  };
  const score = new Float64Array((m + 1) * width);
  // 0 skip old, 1 skip new, 2 pair, 10+k split into k, 20+k merge of k.
  const choice = new Uint8Array((m + 1) * width);
  for (let j = 1; j <= n; j += 1) choice[j] = 1;
  for (let i = 1; i <= m; i += 1) {
    if (budget.remaining() <= 0) return undefined;
    const old = dels.bags[i - 1] as WordBag;
    for (let j = 0; j <= n; j += 1) {
      // Also inside the row: one cell compares two paragraphs, and a huge paragraph makes each cell long.
      if (budget.remaining() <= 0) return undefined;
      const cell = i * width + j;
      let best = score[cell - width] as number;
      let code = 0;
      if (j > 0) {
        if ((score[cell - 1] as number) > best) [best, code] = [score[cell - 1] as number, 1];
        const fresh = ins.bags[j - 1] as WordBag;
        const shared = common(i - 1, j - 1);
        if (shared < 0) {
          score[cell] = best;
          choice[cell] = code;
          continue;
        }
        const pairScore = dice(shared, old, fresh);
        if (pairScore >= pairThreshold && (score[cell - width - 1] as number) + pairScore > best) {
          [best, code] = [(score[cell - width - 1] as number) + pairScore, 2];
        }
        for (let k = 2; k <= maxPieces && k <= j; k += 1) {
          const pieceCommons = Array.from({ length: k }, (_, p) => common(i - 1, j - k + p));
          if (!contained(ins.bags, j - k, pieceCommons)) break;
          const weight = joinWeight(old, ins.bags.slice(j - k, j), pieceCommons);
          const candidate = (score[(i - 1) * width + j - k] as number) + weight;
          if (weight > 0 && candidate > best) [best, code] = [candidate, 10 + k];
        }
        for (let k = 2; k <= maxPieces && k <= i; k += 1) {
          const pieceCommons = Array.from({ length: k }, (_, p) => common(i - k + p, j - 1));
          if (!contained(dels.bags, i - k, pieceCommons)) break;
          const weight = joinWeight(fresh, dels.bags.slice(i - k, i), pieceCommons);
          const candidate = (score[(i - k) * width + j - 1] as number) + weight;
          if (weight > 0 && candidate > best) [best, code] = [candidate, 20 + k];
        }
      }
      score[cell] = best;
      choice[cell] = code;
    }
  }
  const groups: GapGroup[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const code = choice[i * width + j] as number;
    if (code === 0) i -= 1;
    else if (code === 1) j -= 1;
    else if (code === 2) {
      groups.push({ kind: "pair", from: dels.indexes[i - 1] as number, to: ins.indexes[j - 1] as number });
      i -= 1;
      j -= 1;
    } else if (code < 20) {
      const k = code - 10;
      groups.push({ kind: "split", from: dels.indexes[i - 1] as number, to: ins.indexes.slice(j - k, j) });
      i -= 1;
      j -= k;
    } else {
      const k = code - 20;
      groups.push({ kind: "merge", from: dels.indexes.slice(i - k, i), to: ins.indexes[j - 1] as number });
      i -= k;
      j -= 1;
    }
  }
  return groups.reverse();
}

/**
 * Groups of related paragraphs in one gap, in order on both sides, or undefined when the budget ran
 * out (the caller then shows the gap as whole paragraphs deleted and inserted).
 */
export function pairGap(options: { dels: Side; ins: Side; budget: DiffBudget }): GapGroup[] | undefined {
  const { dels, ins, budget } = options;
  const m = dels.indexes.length;
  const n = ins.indexes.length;
  if (m === 0 || n === 0) return [];
  if (m === 1 && n === 1) {
    // The everyday case (one paragraph edited between unchanged ones) needs no alignment table.
    const [from, to] = [dels.indexes[0] as number, ins.indexes[0] as number];
    return similarity(dels.bags[0] as WordBag, ins.bags[0] as WordBag) >= pairThreshold
      ? [{ kind: "pair", from, to }]
      : [];
  }
  const blocks = Math.ceil(Math.max(m, n) / blockSize);
  const groups: GapGroup[] = [];
  for (let block = 0; block < blocks; block += 1) {
    const [d0, d1] = [Math.floor((block * m) / blocks), Math.floor(((block + 1) * m) / blocks)];
    const [i0, i1] = [Math.floor((block * n) / blocks), Math.floor(((block + 1) * n) / blocks)];
    const part = alignBlock(
      { indexes: dels.indexes.slice(d0, d1), bags: dels.bags.slice(d0, d1) },
      { indexes: ins.indexes.slice(i0, i1), bags: ins.bags.slice(i0, i1) },
      budget,
    );
    if (!part) return undefined;
    groups.push(...part);
  }
  return groups;
}
