import { diff3Merge } from "node-diff3";

import { splitParagraphs } from "@/lib/revisions/diff/paragraphs";

import type { MergeBodyChunk } from "./content-merge-types";

/*
 * The body merged paragraph by paragraph with diff3, so edits to different paragraphs combine by
 * themselves and only overlapping edits ask a human. diff3 treats edits to *adjacent* paragraphs as
 * one overlapping region; such a region is refined here paragraph by paragraph when neither side
 * added or removed paragraphs in it, because two editors touching neighbouring paragraphs is the
 * everyday case on a developing story.
 */

type Diff3Block = { ok: string[] } | { conflict: { a: string[]; o: string[]; b: string[] } };

const separator = "\n\n";

/**
 * node-diff3's longest-common-subsequence search grows with the pairs of equal paragraphs between the base
 * and each side (and faster than that: 1,000 identical paragraphs took 0.8 s, 4,000 took 84 s). Beyond this
 * many pairs, about 50 ms, the body is offered as one conflict instead, and the merge says why.
 */
const maxEqualPairs = 150_000;
export const coarseBodyMerge =
  "The body was offered as one conflict because merging it paragraph by paragraph would have taken too long.";

/**
 * Pairs of equal paragraphs diff3 would look at: per paragraph text, its count in the base times its count on
 * each side.
 */
function equalPairs(base: readonly string[], sides: ReadonlyArray<readonly string[]>): number {
  const inBase = new Map<string, number>();
  for (const paragraph of base) inBase.set(paragraph, (inBase.get(paragraph) ?? 0) + 1);
  let pairs = 0;
  for (const side of sides) for (const paragraph of side) pairs += inBase.get(paragraph) ?? 0;
  return pairs;
}

function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join(separator);
}

function refine(region: {
  ours: string[];
  base: string[];
  theirs: string[];
}): Array<{ ok: string[] } | { ours: string[]; base: string[]; theirs: string[] }> {
  const { ours, base, theirs } = region;
  if (ours.length !== base.length || theirs.length !== base.length) return [region];
  const blocks: Array<{ ok: string[] } | { ours: string[]; base: string[]; theirs: string[] }> = [];
  for (const [index, original] of base.entries()) {
    const [mine, other] = [ours[index] as string, theirs[index] as string];
    const settled = mine === other || mine === original ? other : other === original ? mine : null;
    const last = blocks.at(-1);
    if (settled !== null) {
      if (last && "ok" in last) last.ok.push(settled);
      else blocks.push({ ok: [settled] });
    } else if (last && !("ok" in last)) {
      last.ours.push(mine);
      last.base.push(original);
      last.theirs.push(other);
    } else blocks.push({ ours: [mine], base: [original], theirs: [other] });
  }
  return blocks;
}

/** The merged body, and why it was merged coarsely (null when paragraph by paragraph). */
export function mergeBody(options: {
  base: string;
  ours: string;
  theirs: string;
  conflictId: (index: number) => string;
}): { chunks: MergeBodyChunk[]; reason: string | null } {
  const { base, ours, theirs, conflictId } = options;
  const whole = (text: string) => ({
    chunks: text ? [{ kind: "resolved" as const, text }] : [],
    reason: null,
  });
  if (ours === theirs || ours === base) return whole(theirs);
  if (theirs === base) return whole(ours);

  const [oursParagraphs, baseParagraphs, theirsParagraphs] = [
    splitParagraphs(ours),
    splitParagraphs(base),
    splitParagraphs(theirs),
  ];
  if (equalPairs(baseParagraphs, [oursParagraphs, theirsParagraphs]) > maxEqualPairs) {
    return { chunks: [{ kind: "conflict", id: conflictId(1), base, ours, theirs }], reason: coarseBodyMerge };
  }
  const blocks = diff3Merge(oursParagraphs, baseParagraphs, theirsParagraphs, {
    excludeFalseConflicts: true,
  }) as Diff3Block[];
  const chunks: MergeBodyChunk[] = [];
  const pushResolved = (paragraphs: readonly string[]) => {
    if (paragraphs.length === 0) return;
    const last = chunks.at(-1);
    if (last?.kind === "resolved") last.text += separator + joinParagraphs(paragraphs);
    else chunks.push({ kind: "resolved", text: joinParagraphs(paragraphs) });
  };
  let conflicts = 0;
  for (const block of blocks) {
    if ("ok" in block) {
      pushResolved(block.ok);
      continue;
    }
    for (const part of refine({ ours: block.conflict.a, base: block.conflict.o, theirs: block.conflict.b })) {
      if ("ok" in part) pushResolved(part.ok);
      else {
        conflicts += 1;
        chunks.push({
          kind: "conflict",
          id: conflictId(conflicts),
          base: joinParagraphs(part.base),
          ours: joinParagraphs(part.ours),
          theirs: joinParagraphs(part.theirs),
        });
      }
    }
  }
  return { chunks, reason: null };
}

/**
 * The body text of merged chunks, each conflict settled by `settle` (empty settlements leave no blank
 * paragraph).
 */
export function bodyText(options: {
  chunks: readonly MergeBodyChunk[];
  settle: (chunk: Extract<MergeBodyChunk, { kind: "conflict" }>) => string;
}): string {
  return options.chunks
    .map((chunk) => (chunk.kind === "resolved" ? chunk.text : options.settle(chunk)))
    .filter((text) => text !== "")
    .join(separator);
}
