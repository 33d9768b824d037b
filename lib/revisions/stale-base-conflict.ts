import "server-only";

import { AppError } from "@/lib/errors/app-error";

import { diffContentOffLoop } from "./diff/diff-content-off-loop";
import { mergeContentOffLoop } from "./merge/merge-content-off-loop";
import { readRevision } from "./read-revision";
import type { RevisionContent } from "./revision-content";

/**
 * The 409 for a write whose base is stale: what changed between the base and the newest revision, and a
 * three-way merge of base / theirs (newest) / ours (the refused content) the editor can settle and resubmit.
 * Built after the refused transaction has ended, so no lock is held while diffing.
 */
export async function staleBaseConflict(options: {
  storyId: string;
  baseNumber: number;
  latestNumber: number;
  ours: (base: RevisionContent) => Promise<RevisionContent>;
}): Promise<AppError> {
  const { storyId, baseNumber, latestNumber } = options;
  const [{ revision: base }, { revision: latest }] = await Promise.all([
    readRevision({ storyId, number: baseNumber }),
    readRevision({ storyId, number: latestNumber }),
  ]);
  const ours = await options.ours(base.content);
  const [changedSince, merge] = await Promise.all([
    diffContentOffLoop({ from: base.content, to: latest.content }),
    mergeContentOffLoop({ base: base.content, ours, theirs: latest.content }),
  ]);
  return new AppError({
    code: "conflict",
    message: `stale base: revision ${baseNumber} of story ${storyId}, newest is ${latestNumber}`,
    userMessage: `This story has moved on: revision ${latestNumber} was saved after revision ${baseNumber}, which your changes are based on. Review the merge and save again on revision ${latestNumber}.`,
    details: {
      baseRevision: baseNumber,
      latestRevision: latestNumber,
      changedSince,
      merge,
    },
  });
}
