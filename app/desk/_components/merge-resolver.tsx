"use client";

import { useState } from "react";
import type { MergeChoice } from "@/lib/revisions/merge/content-merge-types";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import { isAppError } from "@/lib/errors/app-error";
import { resolveMerge } from "@/lib/revisions/merge/resolve-merge";
import { MergeConflictCard } from "./merge-conflict-card";
import type { SaveConflict } from "./save-conflict";

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
  slug: string;
  conflict: SaveConflict;
  canPublish: boolean;
  pending: boolean;
  /** `publish` null: take the merged text back into the form and keep editing. */
  onResolved: (content: RevisionContent, publish: boolean | null) => void;
  onCancel: () => void;
};

/**
 * Shown when a save was refused because someone saved the story in the meantime: what merged by itself,
 * every conflict with both versions, and the way back to saving on top of the newest revision.
 */
export function MergeResolver({ slug, conflict, canPublish, pending, onResolved, onCancel }: Props) {
  const { merge, changedSince, baseRevision, latestRevision } = conflict;
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const open = merge.conflicts.filter((item) => !choices[item.id]).length;
  const theirFields = changedSince.stats.changedFields.map((field) => fieldNames[field] ?? field);

  const [problem, setProblem] = useState<string | null>(null);
  const finish = (publish: boolean | null) => {
    try {
      onResolved(resolveMerge({ merge, choices }), publish);
    } catch (error) {
      setProblem(isAppError(error) ? error.userMessage : "These decisions could not be combined. Check each conflict and try again.");
    }
  };

  return (
    <section className="desk-panel desk-merge" aria-labelledby="merge-title">
      <h2 id="merge-title">Someone saved this story while you were editing</h2>
      <p>
        You started from revision {baseRevision}; revision {latestRevision} is now the newest. Nothing has been lost: your edits are below,
        merged with theirs.{" "}
        <a href={`/desk/stories/${encodeURIComponent(slug)}/compare?from=${baseRevision}&to=${latestRevision}`} target="_blank" rel="noreferrer">
          See what changed in {latestRevision - baseRevision === 1 ? `revision ${latestRevision}` : `revisions ${baseRevision + 1}–${latestRevision}`} (opens in a new tab)
        </a>
      </p>
      <div className="desk-notice desk-notice-info">
        <p>
          <strong>Merged by itself:</strong>{" "}
          {theirFields.length > 0 ? `their changes to the ${theirFields.join(", ")}` : "their changes"}
          {changedSince.stats.insertedWords + changedSince.stats.deletedWords > 0
            ? ` (${words(changedSince.stats.insertedWords)} added, ${words(changedSince.stats.deletedWords)} removed)`
            : ""}
          {merge.conflicts.length === 0 ? " and all of yours — the two sets of edits touch different parts of the story." : ", and every edit of yours that does not overlap theirs."}
        </p>
      </div>
      {merge.conflicts.length > 0 ? (
        <>
          <p role="status">
            {open > 0
              ? `${open} of ${merge.conflicts.length} ${merge.conflicts.length === 1 ? "place needs" : "places need"} your decision: you both changed the same text.`
              : "Every conflict is decided."}
          </p>
          {merge.conflicts.map((item, index) => (
            <MergeConflictCard
              key={item.id}
              conflict={item}
              index={index}
              total={merge.conflicts.length}
              latestRevision={latestRevision}
              choice={choices[item.id]}
              onChoose={(choice) => setChoices((current) => ({ ...current, [item.id]: choice }))}
            />
          ))}
        </>
      ) : null}
      {problem ? (
        <p className="desk-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="desk-button-row desk-merge-actions">
        {canPublish ? (
          <button type="button" className="desk-button desk-button-primary" disabled={open > 0 || pending} onClick={() => finish(true)}>
            {pending ? "Publishing…" : "Publish merged version"}
          </button>
        ) : null}
        <button type="button" className={canPublish ? "desk-button" : "desk-button desk-button-primary"} disabled={open > 0 || pending} onClick={() => finish(false)}>
          {canPublish ? "Save merged draft" : "Submit merged version for review"}
        </button>
        <button type="button" className="desk-button" disabled={open > 0 || pending} onClick={() => finish(null)}>
          Keep editing the merged version
        </button>
        <button type="button" className="desk-link-button" onClick={onCancel} disabled={pending}>
          Back to my version
        </button>
      </div>
    </section>
  );
}
