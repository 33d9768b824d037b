import "server-only";

import type { Root } from "hast";

import { runOffLoop } from "@/lib/workers/worker-pool";

import { guardMarkdown } from "./markdown-guard";
import { renderStoryBody } from "./story-body";

/** Bodies up to this many characters… */
const inlineChars = 20_000;
/**
 * …leaving the parser at most this much work (markdown-guard.ts; about 25 ms) are rendered on the event loop.
 */
const inlineWork = 100_000;

/**
 * A story body rendered without holding the event loop: a typical story in place (no thread hop), a long or
 * costly one on the worker pool (which answers 503 with Retry-After when it is full). Same tree either way.
 */
export async function renderStoryBodyOffLoop(options: { markdown: string }): Promise<Root> {
  const { markdown } = options;
  if (markdown.length <= inlineChars && guardMarkdown(markdown).work <= inlineWork)
    return renderStoryBody({ markdown });
  return runOffLoop("renderStoryBody", { markdown });
}
