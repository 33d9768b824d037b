import { AppError } from "@/lib/errors/app-error";
import type { RevisionContent } from "@/lib/revisions/revision-content";

import { bodyText } from "./body-merge";
import type { ContentMerge, MergeChoice, MergeConflict } from "./content-merge-types";
import { settleSlots } from "./keyed-list-merge";

type FieldIssue = { path: string; message: string };

function settle<T>(
  conflict: { field: MergeConflict["field"]; ours: T; theirs: T },
  choice: MergeChoice,
  join: ((ours: T, theirs: T) => T) | null,
): T | { issue: string } {
  if ("text" in choice) return { issue: "this conflict can only be settled by picking a side" };
  if (choice.pick === "ours") return conflict.ours;
  if (choice.pick === "theirs") return conflict.theirs;
  return join ? join(conflict.ours, conflict.theirs) : { issue: "keeping both only applies to the body" };
}

const isIssue = (value: unknown): value is { issue: string } =>
  typeof value === "object" && value !== null && "issue" in value;

/**
 * Applies the editor's decision to every conflict of a merge and returns the content to save. Every
 * conflict must be decided (nothing is settled silently) and each choice must fit its field: "both"
 * only for the body (ours, then theirs), own text only for text fields. Pure, so the desk can preview
 * it in the browser and the server recompute it.
 */
export function resolveMerge(options: {
  merge: ContentMerge;
  choices: Readonly<Record<string, MergeChoice>>;
}): RevisionContent {
  const { merge, choices } = options;
  const issues: FieldIssue[] = [];
  const known = new Set(merge.conflicts.map((conflict) => conflict.id));
  for (const id of Object.keys(choices))
    if (!known.has(id)) issues.push({ path: `choices.${id}`, message: "is not a conflict of this merge" });

  const settled = new Map<string, unknown>();
  for (const conflict of merge.conflicts) {
    const choice = choices[conflict.id];
    if (!choice) {
      issues.push({ path: `choices.${conflict.id}`, message: "needs a decision" });
      continue;
    }
    let value: unknown;
    if (conflict.field === "developing" || conflict.field === "images" || conflict.field === "credits") {
      value = settle<unknown>(conflict, choice, null);
    } else if ("text" in choice) {
      value = conflict.field === "body" ? choice.text.trim() : choice.text.trim().replace(/\s+/g, " ");
    } else {
      const both =
        conflict.field === "body"
          ? (ours: string, theirs: string) => [ours, theirs].filter(Boolean).join("\n\n")
          : null;
      value = settle(conflict, choice, both);
    }
    if (isIssue(value)) issues.push({ path: `choices.${conflict.id}`, message: value.issue });
    else settled.set(conflict.id, value);
  }
  if (issues.length > 0) {
    throw new AppError({
      code: "validation_failed",
      message: `merge resolution rejected: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`,
      userMessage: "Please decide every conflict before saving the merged version.",
      details: { fields: issues },
    });
  }

  const pick = <T>(id: string, fallback: T) => (settled.has(id) ? (settled.get(id) as T) : fallback);
  const { merged } = merge;
  return {
    headline: pick("headline", merged.headline),
    dek: pick("dek", merged.dek),
    byline: pick("byline", merged.byline),
    developing: pick("developing", merged.developing),
    body: bodyText({ chunks: merge.body, settle: (chunk) => pick(chunk.id, chunk.theirs) }),
    images: settleSlots({ slots: merge.images, pick: (id) => pick(id, null) }),
    credits: settleSlots({ slots: merge.credits, pick: (id) => pick(id, null) }),
  };
}
