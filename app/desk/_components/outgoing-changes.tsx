"use client";

import { useMemo } from "react";

import type { OutgoingRevisions } from "@/lib/desk/outgoing-revisions";
import {
  changeAuthors,
  type AuthoredChange,
  type AuthoredVersion,
} from "@/lib/revisions/diff/change-authors";
import { diffContent } from "@/lib/revisions/diff/diff-content";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import type { PendingScheduleBrief } from "@/lib/schedules/pending-schedule-choice";

import { ContentDiffView } from "./diff/content-diff-view";
import { byName } from "./outgoing-content";

type Props = {
  outgoing: OutgoingRevisions;
  /** Credits keyed by name (outgoing-content.ts). */
  goesOut: RevisionContent;
  /** Drafts since live that go out with it (a schedule carries those up to its revision). */
  throughRevision: number | null;
  /** The form being published, when what goes out is not saved yet: its changes are credited to "you". */
  fromForm: boolean;
  /** A public note is printed with it, so readers see something new even when the content is the same. */
  printsNote: boolean;
  /**
   * Schedules whose changes go out with it now ("include"): their drafts' changes are credited to the
   * schedule.
   */
  includedSchedules?: PendingScheduleBrief[];
};

const whereLabels: Record<AuthoredChange["where"], string> = {
  headline: "Headline",
  dek: "Dek",
  byline: "Byline line",
  body: "Paragraph",
};
const changeLabels: Record<AuthoredChange["change"], string> = {
  added: "added",
  removed: "removed",
  changed: "changed to",
};

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text;
}

/**
 * The schedule that carries a draft's change: the first waiting on that revision or a later one (it builds on
 * it).
 */
function carriedBy(
  revision: number,
  schedules: readonly PendingScheduleBrief[],
): PendingScheduleBrief | undefined {
  return [...schedules]
    .sort((a, b) => a.revisionNumber - b.revisionNumber)
    .find((schedule) => schedule.revisionNumber >= revision);
}

function byAuthor(
  changes: AuthoredChange[],
  schedules: readonly PendingScheduleBrief[],
): { key: string; label: string; changes: AuthoredChange[] }[] {
  const groups = new Map<string, { key: string; label: string; changes: AuthoredChange[] }>();
  for (const change of changes) {
    const key = `${change.revision ?? "form"}`;
    const schedule = change.revision === null ? undefined : carriedBy(change.revision, schedules);
    const label =
      change.revision === null
        ? `${change.author}`
        : `${change.author}, draft revision ${change.revision}${schedule ? ` — scheduled by ${schedule.scheduledBy.name} for ${schedule.runAtLabel}, going out now` : ""}`;
    const group = groups.get(key) ?? { key, label, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Everything a publication or schedule carries to readers, compared with what they have now (the desk's own
 * diff), then who wrote each change: drafts saved by colleagues and merged in go out too, and are named.
 */
export function OutgoingChanges({
  outgoing,
  goesOut,
  throughRevision,
  fromForm,
  printsNote,
  includedSchedules,
}: Props) {
  const { live } = outgoing;
  const liveByName = useMemo(() => (live ? byName(live) : null), [live]);
  const diff = useMemo(
    () => (liveByName ? diffContent({ from: liveByName, to: goesOut }) : null),
    [liveByName, goesOut],
  );
  const groups = useMemo(() => {
    if (!liveByName) return [];
    const saved: AuthoredVersion[] = [
      ...outgoing.drafts
        .filter((draft) => throughRevision === null || draft.number <= throughRevision)
        .map((draft) => ({
          author: draft.authorName,
          revision: draft.number,
          content: byName(draft.content),
        })),
      ...(fromForm ? [{ author: "You (this form, not saved yet)", revision: null, content: goesOut }] : []),
    ];
    // The last version is what goes out: with a schedule left out, the publisher's version without its
    // changes.
    const versions = saved.map((version, index) =>
      index === saved.length - 1 ? { ...version, content: goesOut } : version,
    );
    return byAuthor(changeAuthors({ live: liveByName, versions }), includedSchedules ?? []);
  }, [liveByName, outgoing.drafts, throughRevision, fromForm, goesOut, includedSchedules]);

  if (!diff) {
    return (
      <section className="desk-outgoing" aria-label="What goes out">
        <p className="desk-publication-heading">What goes out</p>
        <p>Readers have nothing of this story yet: they get all of it.</p>
      </section>
    );
  }
  if (!diff.changed && !printsNote) {
    return (
      <div className="desk-notice desk-notice-warn desk-outgoing-unchanged" role="status">
        <p>
          <strong>Nothing readers see changes;</strong> “Updated” will not move.
        </p>
      </div>
    );
  }
  return (
    <section className="desk-outgoing" aria-label="What goes out">
      <p className="desk-publication-heading">
        What goes out, compared with what readers have now (revision {outgoing.liveNumber})
      </p>
      {diff.changed ? (
        <ContentDiffView diff={diff} view="inline" />
      ) : (
        <p>The story’s text stays as readers have it; only the note below is new.</p>
      )}
      {groups.length > 0 ? (
        <div className="desk-outgoing-authors">
          <p className="desk-publication-heading">Who wrote these changes</p>
          <ul>
            {groups.map((group) => (
              <li key={group.key}>
                <strong>{group.label}</strong>
                <ul>
                  {group.changes.map((change, index) => (
                    <li key={index}>
                      {whereLabels[change.where]} {changeLabels[change.change]}: “{excerpt(change.text)}”
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
