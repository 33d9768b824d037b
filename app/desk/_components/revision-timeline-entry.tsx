import Link from "next/link";

import { DeskTime } from "@/app/_components/desk-time";
import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import type { SubstantiveChange } from "@/lib/editorial/minor-change-check";
import type { PendingChange } from "@/lib/revisions/publication-plan";
import type { RevisionSummaryDto } from "@/lib/revisions/revision-dto";

import { creditRoleLabels, type SavableKind } from "./editor-draft";
import { PublishDraftButton } from "./publish-draft-button";
import { RestoreRevisionButton } from "./restore-revision-button";
import { RevisionKindBadge } from "./revision-kind-badge";

type Props = {
  slug: string;
  revision: RevisionSummaryDto;
  latest: number;
  live: number | null;
  storyIsLive: boolean;
  canRestore: boolean;
  /**
   * Set on the newest revision when it is a draft an editor may publish from here (never on an unpublished
   * story).
   */
  publishDraft: {
    draftKind: SavableKind;
    pending: PendingChange[];
    firstPublication: boolean;
    substantive: SubstantiveChange[];
  } | null;
  /** An unpublished story may be restored as a draft only. */
  storyIsPulled: boolean;
  defaultFrom: number;
  defaultTo: number;
};

const noteLabels = {
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor’s note",
} as const;

/** One revision in the story's timeline, with the radio pair that picks it for a comparison. */
export function RevisionTimelineEntry({
  slug,
  revision,
  latest,
  live,
  storyIsLive,
  canRestore,
  publishDraft,
  storyIsPulled,
  defaultFrom,
  defaultTo,
}: Props) {
  const { number } = revision;
  const isLive = number === live;
  return (
    <li className="desk-timeline-entry" aria-labelledby={`revision-${number}-title`}>
      <div className="desk-timeline-pick">
        <label>
          <input
            type="radio"
            name="from"
            value={number}
            defaultChecked={number === defaultFrom}
            form="compare-form"
          />
          <span className="visually-hidden">Compare from revision {number}</span>
          <span aria-hidden="true">From</span>
        </label>
        <label>
          <input
            type="radio"
            name="to"
            value={number}
            defaultChecked={number === defaultTo}
            form="compare-form"
          />
          <span className="visually-hidden">Compare to revision {number}</span>
          <span aria-hidden="true">To</span>
        </label>
      </div>
      <div className="desk-timeline-body">
        <h3 id={`revision-${number}-title`} className="desk-timeline-title">
          <Link href={`/desk/stories/${slug}/revisions/${number}`}>Revision {number}</Link>{" "}
          <RevisionKindBadge kind={revision.kind} />{" "}
          {isLive ? (
            <span className="desk-badge desk-badge-live">Live</span>
          ) : revision.published ? (
            <span className="desk-badge desk-badge-published">Published</span>
          ) : (
            <span className="desk-badge desk-badge-draft">Draft</span>
          )}
        </h3>
        <p className="desk-small desk-muted">
          <DeskTime iso={revision.createdAt} /> · {revision.author.name}
          {revision.baseNumber !== null && revision.baseNumber !== number - 1
            ? ` · based on revision ${revision.baseNumber}`
            : ""}
        </p>
        {revision.summary ? (
          <p className="desk-timeline-summary">
            <RemovalMarkedText text={revision.summary} />
          </p>
        ) : null}
        {revision.publicNote ? (
          <p className="desk-timeline-note">
            <strong>Public note:</strong> <RemovalMarkedText text={revision.publicNote} />
          </p>
        ) : null}
        {revision.carriedNotes.map((note) => (
          <p key={`carried-${note.revision}-${note.kind}`} className="desk-timeline-note">
            <strong>
              Public note ({noteLabels[note.kind].toLowerCase()}, carried from revision {note.revision}):
            </strong>{" "}
            <RemovalMarkedText text={note.text} />
          </p>
        ))}
        {revision.removedNotes.map((note) => (
          <p key={`removed-${note.revision}`} className="desk-timeline-note desk-muted">
            <strong>Left out on purpose (note of revision {note.revision}):</strong>{" "}
            <RemovalMarkedText text={note.text} /> — <RemovalMarkedText text={note.reason} />
          </p>
        ))}
        {revision.internalNote ? (
          <p className="desk-timeline-internal">
            <span className="desk-badge desk-badge-internal">Newsroom only</span>{" "}
            <RemovalMarkedText text={revision.internalNote} />
          </p>
        ) : null}
        {revision.credits.length > 0 ? (
          <p className="desk-small">
            <span className="desk-muted">Credits: </span>
            <RemovalMarkedText
              text={revision.credits
                .map(
                  (credit) =>
                    `${credit.name} (${creditRoleLabels[credit.role]}${credit.location ? `, ${credit.location}` : ""})`,
                )
                .join("; ")}
            />
          </p>
        ) : null}
        <div className="desk-button-row desk-small">
          <Link className="desk-button desk-button-small" href={`/desk/stories/${slug}/revisions/${number}`}>
            View
          </Link>
          {number > 1 ? (
            <Link
              className="desk-button desk-button-small"
              href={`/desk/stories/${slug}/compare?from=${number - 1}&to=${number}`}
            >
              Changes in this revision
            </Link>
          ) : null}
          {publishDraft && !revision.published && number === latest ? (
            <PublishDraftButton slug={slug} number={number} {...publishDraft} />
          ) : null}
          {canRestore && number !== latest ? (
            <RestoreRevisionButton
              slug={slug}
              number={number}
              latest={latest}
              storyIsLive={storyIsLive}
              storyIsPulled={storyIsPulled}
            />
          ) : null}
        </div>
      </div>
    </li>
  );
}
