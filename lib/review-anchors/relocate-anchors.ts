import { createDiffBudget, defaultDiffTimeoutMs, type DiffBudget } from "@/lib/revisions/diff/diff-budget";
import { wordTokens } from "@/lib/revisions/diff/word-tokens";

import { alignTexts, refineHunk, type Alignment, type EqualRun, type Hunk } from "./alignment";
import type { AnchorPlacement, AnchorRange } from "./anchor-types";
import { paragraphFollower } from "./moved-paragraphs";
import { mapParagraphs, type ParagraphMap } from "./paragraph-fallback";

/*
 * Keeps review comments on their words as the text changes around them, with compare's word diff: the words
 * are found again exactly when every character of them is kept by the diff, in one unbroken run of the new
 * text (an insertion strictly inside them means they were changed). They are never looked for by searching:
 * a comment on "37 people" stays gone when those became "38 people", even if another "37 people" is further
 * down.
 */

/** The most one word diff of a whole field may take before the paragraph-first reading takes over. */
const wholeFieldMs = 300;

function runContaining(runs: readonly EqualRun[], at: number): EqualRun | undefined {
  let [low, high] = [0, runs.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle];
    if (!run) break;
    if (at < run.oldStart) high = middle - 1;
    else if (at >= run.oldStart + run.length) low = middle + 1;
    else return run;
  }
  return undefined;
}

/** Equal runs in order, with those that touch on both sides joined (a refined hunk meets its neighbours). */
function joined(runs: EqualRun[]): EqualRun[] {
  const sorted = runs.toSorted((a, b) => a.oldStart - b.oldStart);
  const out: EqualRun[] = [];
  for (const run of sorted) {
    const last = out.at(-1);
    if (last && last.oldStart + last.length === run.oldStart && last.newStart + last.length === run.newStart)
      last.length += run.length;
    else if (run.length > 0) out.push({ ...run });
  }
  return out;
}

/** How many characters of [start, end) the diff kept, wherever they went. */
function keptWithin(runs: readonly EqualRun[], start: number, end: number): number {
  let kept = 0;
  for (const run of runs) {
    kept += Math.max(0, Math.min(end, run.oldStart + run.length) - Math.max(start, run.oldStart));
  }
  return kept;
}

function hunksTouching(hunks: readonly Hunk[], range: AnchorRange): Hunk[] {
  return hunks.filter(
    (hunk) => hunk.oldEnd > hunk.oldStart && hunk.oldEnd > range.start && hunk.oldStart < range.end,
  );
}

/**
 * Whether some word of the quote is still anywhere in the text: how "changed" is told from "removed" for words
 * settled without a diff (a reason for the sentence the desk shows, not a place).
 */
function anyWordStays(quote: string, text: string): boolean {
  return wordTokens(quote).some((token) => text.includes(token.trim()));
}

function place(
  alignment: Alignment,
  range: AnchorRange,
  refine: (hunk: Hunk) => EqualRun[] | undefined,
): AnchorPlacement | "lost" {
  const extra: EqualRun[] = [];
  for (const hunk of hunksTouching(alignment.hunks, range)) {
    const runs = refine(hunk);
    if (!runs) return { kind: "unknown" };
    extra.push(...runs);
  }
  const runs = extra.length ? joined([...alignment.equal, ...extra]) : alignment.equal;
  const run = runContaining(runs, range.start);
  if (run && range.end <= run.oldStart + run.length) {
    const start = run.newStart + (range.start - run.oldStart);
    return { kind: "found", start, end: start + (range.end - range.start) };
  }
  return keptWithin(runs, range.start, range.end) > 0 ? "lost" : { kind: "gone", reason: "removed" };
}

/**
 * Where many comments' words of one field are in another revision's text of that field, with one diff for the
 * lot. Results are in the order of `anchors`. Each range must be valid in `fromText` (validateAnchor); an
 * empty range is never found. The budget (default compare's 1 s) is shared by the diff and every loop here;
 * what it could not settle is "unknown".
 */
export function relocateAnchors(options: {
  fromText: string;
  toText: string;
  anchors: readonly AnchorRange[];
  budget?: DiffBudget;
}): AnchorPlacement[] {
  const { fromText, toText, anchors } = options;
  const budget = options.budget ?? createDiffBudget({ timeoutMs: defaultDiffTimeoutMs });
  if (fromText === toText)
    return anchors.map((range) =>
      range.end > range.start ? { kind: "found", ...range } : { kind: "gone", reason: "removed" },
    );
  const results: (AnchorPlacement | undefined)[] = anchors.map(() => undefined);
  // Words no longer anywhere in the text cannot have survived: settled without a diff, so a rewrite of a huge
  // story answers at once.
  for (const [index, range] of anchors.entries()) {
    const quote = fromText.slice(range.start, range.end);
    if (budget.remaining() <= 0) results[index] = { kind: "unknown" };
    else if (!quote) results[index] = { kind: "gone", reason: "removed" };
    else if (!toText.includes(quote))
      results[index] = { kind: "gone", reason: anyWordStays(quote, toText) ? "changed" : "removed" };
  }
  if (results.every(Boolean)) return results.filter((result) => result !== undefined);

  // The whole field in one word diff first, with half the time left (at most 300 ms: a small edit to a huge
  // story takes tens); a rewrite too big for that is read paragraph by paragraph, as compare reads it.
  const alignment = alignTexts({
    from: fromText,
    to: toText,
    budget: createDiffBudget({ timeoutMs: Math.min(wholeFieldMs, budget.remaining() / 2) }),
  });
  const refiner = (from: string, to: string) => {
    const refined = new Map<Hunk, EqualRun[]>();
    return (hunk: Hunk) => {
      let runs = refined.get(hunk);
      if (!runs) {
        runs = refineHunk({ from, to, hunk, budget });
        if (runs) refined.set(hunk, runs);
      }
      return runs;
    };
  };
  const paragraphs =
    alignment || budget.remaining() <= 0 ? undefined : mapParagraphs({ from: fromText, to: toText, budget });
  const placeWhole = refiner(fromText, toText);
  const follow = paragraphFollower(fromText, toText);
  return anchors.map((range, index): AnchorPlacement => {
    const settled = results[index];
    if (settled) return settled;
    if (budget.remaining() <= 0) return { kind: "unknown" };
    let placed: AnchorPlacement | "lost";
    if (alignment) placed = place(alignment, range, placeWhole);
    else if (paragraphs) placed = placeByParagraphs({ paragraphs, range, fromText, toText, refiner });
    else return { kind: "unknown" };
    if (placed !== "lost" && placed.kind !== "gone") return placed;
    const moved = follow(range.start, range.end);
    if (moved !== null) return { kind: "found", start: moved, end: moved + (range.end - range.start) };
    return placed === "lost" ? { kind: "gone", reason: "changed" } : placed;
  });
}

/** The range placed part by part in the paragraphs it crosses, each through what became of its paragraph. */
function placeByParagraphs(options: {
  paragraphs: ParagraphMap;
  range: AnchorRange;
  fromText: string;
  toText: string;
  refiner: (from: string, to: string) => (hunk: Hunk) => EqualRun[] | undefined;
}): AnchorPlacement | "lost" {
  const { paragraphs, range, fromText, toText, refiner } = options;
  const parts = paragraphs.paragraphsAcross(range.start, range.end);
  if (!parts.length) return { kind: "unknown" };
  let newStart: number | null = null;
  let [anyKept, allFound] = [false, true];
  for (const { index, span } of parts) {
    const part = { start: Math.max(range.start, span.start), end: Math.min(range.end, span.end) };
    const counterpart = paragraphs.counterpart(index);
    if (counterpart === undefined) return { kind: "unknown" };
    if (counterpart === null || !counterpart.alignment) {
      allFound = false;
      continue;
    }
    const { from, to, alignment } = counterpart;
    const local = place(
      alignment,
      { start: part.start - from.start, end: part.end - from.start },
      refiner(fromText.slice(from.start, from.end), toText.slice(to.start, to.end)),
    );
    if (local === "lost") anyKept = true;
    if (local === "lost" || local.kind === "gone") {
      allFound = false;
      continue;
    }
    if (local.kind === "unknown") return local;
    const shouldStart = to.start + local.start - (part.start - range.start);
    newStart ??= shouldStart;
    if (newStart !== shouldStart) allFound = false;
    anyKept = true;
  }
  const length = range.end - range.start;
  if (
    allFound &&
    newStart !== null &&
    toText.slice(newStart, newStart + length) === fromText.slice(range.start, range.end)
  )
    return { kind: "found", start: newStart, end: newStart + length };
  return anyKept ? "lost" : { kind: "gone", reason: "removed" };
}

/** Where one comment's words are in another revision's text of the same field (relocateAnchors for one). */
export function relocateAnchor(options: {
  fromText: string;
  toText: string;
  start: number;
  end: number;
  budget?: DiffBudget;
}): AnchorPlacement {
  const { fromText, toText, start, end, budget } = options;
  const [placement] = relocateAnchors({ fromText, toText, anchors: [{ start, end }], budget });
  return placement ?? { kind: "unknown" };
}
