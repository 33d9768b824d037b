"use client";

import type { ContentDiff } from "@/lib/revisions/diff/content-diff-types";
import type { ContentMerge, MergeChoice } from "@/lib/revisions/merge/content-merge-types";

import { MergeConflictCard, type MergeSides } from "./merge-conflict-card";

const fieldNames: Record<string, string> = {
  headline: "headline",
  dek: "dek",
  byline: "byline line",
  developing: "developing flag",
  body: "body",
  images: "images",
  credits: "credits",
  notes: "notes",
};

const words = (count: number) => `${count} ${count === 1 ? "word" : "words"}`;

type Props = {
  merge: ContentMerge;
  /** What the other side changed since the common base, for the "merged by itself" line. */
  changedSince: ContentDiff;
  sides: MergeSides;
  /** "their" in the editor's save conflict; "the live version's" for a held schedule. */
  theirChanges: string;
  ours: string;
  choices: Readonly<Record<string, MergeChoice>>;
  onChoose: (id: string, choice: MergeChoice) => void;
};

/**
 * The body of every merge screen: what merged by itself, then each conflict with both versions and the
 * decision. Controlled: the screen keeps the choices and decides what the settled merge is for (a save, a
 * schedule).
 */
export function MergeDecisions({ merge, changedSince, sides, theirChanges, ours, choices, onChoose }: Props) {
  const open = merge.conflicts.filter((item) => !choices[item.id]).length;
  const theirFields = changedSince.stats.changedFields.map((field) => fieldNames[field] ?? field);
  return (
    <>
      <div className="desk-notice desk-notice-info">
        <p>
          <strong>Merged by itself:</strong>{" "}
          {theirFields.length > 0
            ? `${theirChanges} changes to the ${theirFields.join(", ")}`
            : `${theirChanges} changes`}
          {changedSince.stats.insertedWords + changedSince.stats.deletedWords > 0
            ? ` (${words(changedSince.stats.insertedWords)} added, ${words(changedSince.stats.deletedWords)} removed)`
            : ""}
          {merge.conflicts.length === 0
            ? ` and all of ${ours} — the two sets of edits touch different parts of the story.`
            : `, and every edit of ${ours} that does not overlap them.`}
        </p>
      </div>
      {merge.conflicts.length > 0 ? (
        <>
          <p role="status">
            {open > 0
              ? `${open} of ${merge.conflicts.length} ${merge.conflicts.length === 1 ? "place needs" : "places need"} your decision: both changed the same text.`
              : "Every conflict is decided."}
          </p>
          {merge.conflicts.map((item, index) => (
            <MergeConflictCard
              key={item.id}
              conflict={item}
              index={index}
              total={merge.conflicts.length}
              sides={sides}
              choice={choices[item.id]}
              onChoose={(choice) => onChoose(item.id, choice)}
            />
          ))}
        </>
      ) : null}
    </>
  );
}

/** How many conflicts still need a decision. */
export function openConflicts(options: {
  merge: ContentMerge;
  choices: Readonly<Record<string, MergeChoice>>;
}): number {
  return options.merge.conflicts.filter((item) => !options.choices[item.id]).length;
}
