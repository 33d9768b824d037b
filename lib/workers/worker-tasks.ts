import type { Root } from "hast";

import { passwordStrengthIssue } from "@/lib/auth/password-strength";
import { renderHistoryPage } from "@/lib/render/history-page";
import { renderStoryBody } from "@/lib/render/story-body";
import type { AnchorPlacement, AnchorRange } from "@/lib/review-anchors/anchor-types";
import { relocateAnchors } from "@/lib/review-anchors/relocate-anchors";
import type { ContentDiff, DiffSide } from "@/lib/revisions/diff/content-diff-types";
import { createDiffBudget } from "@/lib/revisions/diff/diff-budget";
import { diffContent } from "@/lib/revisions/diff/diff-content";
import type { ContentMerge } from "@/lib/revisions/merge/content-merge-types";
import { mergeContent } from "@/lib/revisions/merge/merge-content";
import type { RevisionContent } from "@/lib/revisions/revision-content";

/*
 * Everything the worker pool (worker-pool.ts) can run, by name. Each task is a pure function of plain,
 * cloneable data: it runs in a worker thread, so it may not reach the database or anything else the main
 * thread holds. To move more heavy work off the event loop, add an entry here. No "server-only" marker in
 * this file or what it imports: worker threads load it without the react-server condition.
 */
const workerTasks = {
  diffContent: (input: { from: DiffSide; to: DiffSide; timeoutMs?: number }): ContentDiff =>
    diffContent(input),
  mergeContent: (input: {
    base: RevisionContent;
    ours: RevisionContent;
    theirs: RevisionContent;
  }): ContentMerge => mergeContent(input),
  renderStoryBody: (input: { markdown: string }): Root => renderStoryBody(input),
  relocateAnchors: (input: {
    fromText: string;
    toText: string;
    anchors: AnchorRange[];
    timeoutMs: number;
  }): AnchorPlacement[] =>
    relocateAnchors({ ...input, budget: createDiffBudget({ timeoutMs: input.timeoutMs }) }),
  renderHistoryPage: (input: Parameters<typeof renderHistoryPage>[0]): string => renderHistoryPage(input),
  passwordStrengthIssue: (input: { password: string; email?: string; name?: string }): string | null =>
    passwordStrengthIssue(input),
};

export type WorkerTasks = typeof workerTasks;
export type WorkerTaskName = keyof WorkerTasks;

/** One task as the pool sends it to a thread. */
export type WorkerTaskMessage = {
  [Name in WorkerTaskName]: { name: Name; input: Parameters<WorkerTasks[Name]>[0] };
}[WorkerTaskName];

export function runWorkerTask(message: WorkerTaskMessage): ReturnType<WorkerTasks[WorkerTaskName]> {
  switch (message.name) {
    case "diffContent":
      return workerTasks.diffContent(message.input);
    case "mergeContent":
      return workerTasks.mergeContent(message.input);
    case "renderStoryBody":
      return workerTasks.renderStoryBody(message.input);
    case "relocateAnchors":
      return workerTasks.relocateAnchors(message.input);
    case "renderHistoryPage":
      return workerTasks.renderHistoryPage(message.input);
    case "passwordStrengthIssue":
      return workerTasks.passwordStrengthIssue(message.input);
  }
}
