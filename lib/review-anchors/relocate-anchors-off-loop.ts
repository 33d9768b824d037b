import "server-only";

import { createDiffBudget } from "@/lib/revisions/diff/diff-budget";
import { runOffLoop } from "@/lib/workers/worker-pool";

import type { AnchorPlacement, AnchorRange } from "./anchor-types";
import { relocateAnchors } from "./relocate-anchors";

/** Fields this small (both texts, in characters) are first placed on the event loop… */
const inlineChars = 200_000;
/** …for at most this long, as compare does (diff-content-off-loop.ts). */
const inlineBudgetMs = 40;
/** What the pool gives the comments left "unknown": well inside its 10 s limit per task. */
const offLoopBudgetMs = 7_500;

/**
 * relocateAnchors without holding the event loop: everyday edits are settled in place within a short budget,
 * and only the comments that budget could not place go to the worker pool, with a long one (a full pool is a
 * 503 AppError). A comment still "unknown" after that is one the desk should show as "could not be placed".
 */
export async function relocateAnchorsOffLoop(options: {
  fromText: string;
  toText: string;
  anchors: readonly AnchorRange[];
}): Promise<AnchorPlacement[]> {
  const { fromText, toText, anchors } = options;
  const placements =
    fromText.length + toText.length <= inlineChars
      ? relocateAnchors({
          fromText,
          toText,
          anchors,
          budget: createDiffBudget({ timeoutMs: inlineBudgetMs }),
        })
      : anchors.map((): AnchorPlacement => ({ kind: "unknown" }));
  const open = anchors.flatMap((range, index) => (placements[index]?.kind === "unknown" ? [index] : []));
  if (!open.length) return placements;
  const settled = await runOffLoop("relocateAnchors", {
    fromText,
    toText,
    anchors: open.map((index) => anchors[index] ?? { start: 0, end: 0 }),
    timeoutMs: offLoopBudgetMs,
  });
  for (const [k, index] of open.entries()) placements[index] = settled[k] ?? { kind: "unknown" };
  return placements;
}
