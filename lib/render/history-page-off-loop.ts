import "server-only";

import { runOffLoop } from "@/lib/workers/worker-pool";

import { renderHistoryPage } from "./history-page";

/** Comparisons this small (body ops and the word ops inside them) are laid out on the event loop. */
const inlineOps = 2_000;

/**
 * The public change log page without holding the event loop: a comparison of tens of thousands of changes
 * takes a few hundred milliseconds to lay out as HTML, so a large one is laid out on the worker pool.
 */
export async function renderHistoryPageOffLoop(
  options: Parameters<typeof renderHistoryPage>[0],
): Promise<string> {
  const ops = options.comparison?.diff.body.ops ?? [];
  const size = ops.reduce((total, op) => total + 1 + ("words" in op ? op.words.length : 0), 0);
  return size <= inlineOps ? renderHistoryPage(options) : runOffLoop("renderHistoryPage", options);
}
