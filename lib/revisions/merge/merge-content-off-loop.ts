import "server-only";

import type { RevisionContent } from "@/lib/revisions/revision-content";
import { runOffLoop } from "@/lib/workers/worker-pool";

import type { ContentMerge } from "./content-merge-types";
import { mergeContent } from "./merge-content";

/** Bodies this small (the three together, in characters) are merged on the event loop: a few milliseconds. */
const inlineChars = 50_000;

/** mergeContent without holding the event loop: large bodies are merged on the worker pool. */
export async function mergeContentOffLoop(options: {
  base: RevisionContent;
  ours: RevisionContent;
  theirs: RevisionContent;
}): Promise<ContentMerge> {
  const size = options.base.body.length + options.ours.body.length + options.theirs.body.length;
  return size <= inlineChars ? mergeContent(options) : runOffLoop("mergeContent", options);
}
