"use client";

import { useState } from "react";

import { isAppError } from "@/lib/errors/app-error";
import type { MergeChoice } from "@/lib/revisions/merge/content-merge-types";
import { resolveMerge } from "@/lib/revisions/merge/resolve-merge";
import type { RevisionContent } from "@/lib/revisions/revision-content";

import { saveConflictSides } from "./merge-conflict-card";
import { MergeDecisions, openConflicts } from "./merge-decisions";
import type { SaveConflict } from "./save-conflict";

type Props = {
  slug: string;
  conflict: SaveConflict;
  canPublish: boolean;
  pending: boolean;
  /** The decisions so far, kept by the edit screen so its preview can show the merged text. */
  choices: Record<string, MergeChoice>;
  onChoose: (id: string, choice: MergeChoice) => void;
  /** `publish` null: take the merged text back into the form and keep editing. */
  onResolved: (content: RevisionContent, publish: boolean | null) => void;
  onCancel: () => void;
};

/**
 * Shown when a save was refused because someone saved the story in the meantime: what merged by itself,
 * every conflict with both versions, and the way back to saving on top of the newest revision.
 */
export function MergeResolver({
  slug,
  conflict,
  canPublish,
  pending,
  choices,
  onChoose,
  onResolved,
  onCancel,
}: Props) {
  const { merge, changedSince, baseRevision, latestRevision } = conflict;
  const open = openConflicts({ merge, choices });

  const [problem, setProblem] = useState<string | null>(null);
  const finish = (publish: boolean | null) => {
    try {
      onResolved(resolveMerge({ merge, choices }), publish);
    } catch (error) {
      setProblem(
        isAppError(error)
          ? error.userMessage
          : "These decisions could not be combined. Check each conflict and try again.",
      );
    }
  };

  return (
    <section className="desk-panel desk-merge" aria-labelledby="merge-title">
      <h2 id="merge-title">Someone saved this story while you were editing</h2>
      <p>
        You started from revision {baseRevision}; revision {latestRevision} is now the newest. Nothing has
        been lost: your edits are below, merged with theirs, and the preview beside shows the merged version.{" "}
        <a
          href={`/desk/stories/${encodeURIComponent(slug)}/compare?from=${baseRevision}&to=${latestRevision}`}
          target="_blank"
          rel="noreferrer"
        >
          See what changed in{" "}
          {latestRevision - baseRevision === 1
            ? `revision ${latestRevision}`
            : `revisions ${baseRevision + 1}–${latestRevision}`}{" "}
          (opens in a new tab)
        </a>
      </p>
      <MergeDecisions
        merge={merge}
        changedSince={changedSince}
        sides={saveConflictSides(latestRevision)}
        theirChanges="their"
        ours="yours"
        choices={choices}
        onChoose={onChoose}
      />
      {problem ? (
        <p className="desk-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="desk-button-row desk-merge-actions">
        {canPublish ? (
          <button
            type="button"
            className="desk-button desk-button-primary"
            disabled={open > 0 || pending}
            onClick={() => finish(true)}
          >
            {pending ? "Publishing…" : "Publish merged version"}
          </button>
        ) : null}
        <button
          type="button"
          className={canPublish ? "desk-button" : "desk-button desk-button-primary"}
          disabled={open > 0 || pending}
          onClick={() => finish(false)}
        >
          Save merged draft
        </button>
        <button
          type="button"
          className="desk-button"
          disabled={open > 0 || pending}
          onClick={() => finish(null)}
        >
          Keep editing the merged version
        </button>
        <button type="button" className="desk-link-button" onClick={onCancel} disabled={pending}>
          Back to my version
        </button>
      </div>
    </section>
  );
}
