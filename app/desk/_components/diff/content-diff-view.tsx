import type { ReactNode } from "react";

import { revisionKindLabels } from "@/app/desk/_components/revision-kind-badge";
import type { ContentDiff } from "@/lib/revisions/diff/content-diff-types";

import { BodyDiffView, type BodyTextPlaces } from "./body-diff-view";
import { CreditsDiffView, ImagesDiffView } from "./list-diffs";
import { TextFieldDiffView } from "./text-field-diff-view";

/** Where the body's paragraphs start in each revision, and the words comments are on (see BodyDiffView). */
export type ReviewTextPlaces = { body: BodyTextPlaces };

const fieldNames = {
  headline: "Headline",
  dek: "Dek",
  byline: "Byline line",
  developing: "Developing flag",
  body: "Body",
  images: "Images and captions",
  credits: "Credits",
  notes: "Kind, summary and note",
} as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="desk-panel desk-diff-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * Every field of a comparison: changed ones shown, unchanged ones listed by name. With `review` (the compare
 * view), the text carries its offsets in the revisions' fields so reviewers can comment on words.
 */
export function ContentDiffView({
  diff,
  view,
  review,
}: {
  diff: ContentDiff;
  view: "inline" | "side";
  review?: ReviewTextPlaces;
}) {
  const unchanged = (Object.keys(fieldNames) as (keyof typeof fieldNames)[]).filter((field) => {
    if (field === "notes") return diff.notes !== null && !diff.notes.changed;
    return !diff[field].changed;
  });
  const { stats } = diff;
  return (
    <>
      <p className="desk-diff-stats" role="status">
        {diff.changed ? (
          <>
            <span className="desk-diff-stat-ins">+{stats.insertedWords} words</span>{" "}
            <span className="desk-diff-stat-del">−{stats.deletedWords} words</span>
            {stats.movedParagraphs > 0 ? (
              <span> · {stats.movedParagraphs} paragraphs moved, split or joined</span>
            ) : null}
          </>
        ) : (
          "These two revisions have the same content."
        )}
        {unchanged.length > 0 && diff.changed ? (
          <span className="desk-muted">
            {" "}
            · Unchanged: {unchanged.map((field) => fieldNames[field].toLowerCase()).join(", ")}
          </span>
        ) : null}
      </p>
      {diff.degraded && diff.reason ? (
        <div className="desk-notice desk-notice-warn" role="note">
          <p>{diff.reason}</p>
        </div>
      ) : null}
      {(["headline", "dek", "byline"] as const).map((field) =>
        diff[field].changed ? (
          <Section key={field} title={fieldNames[field]}>
            <div className={field === "headline" ? "desk-diff-headline" : undefined}>
              <TextFieldDiffView diff={diff[field]} view={view} field={review ? field : undefined} />
            </div>
          </Section>
        ) : null,
      )}
      {diff.developing.changed ? (
        <Section title={fieldNames.developing}>
          <p>
            {diff.developing.to
              ? "Now marked as a developing story (was not)."
              : "No longer marked as a developing story."}
          </p>
        </Section>
      ) : null}
      {diff.body.changed ? (
        <Section title={fieldNames.body}>
          <p className="desk-hint">
            {diff.body.fromParagraphCount} paragraphs before, {diff.body.toParagraphCount} after.
          </p>
          <BodyDiffView body={diff.body} view={view} review={review?.body} />
        </Section>
      ) : null}
      {diff.images.changed ? (
        <Section title={fieldNames.images}>
          <ImagesDiffView diff={diff.images} view={view} />
        </Section>
      ) : null}
      {diff.credits.changed ? (
        <Section title={fieldNames.credits}>
          <CreditsDiffView diff={diff.credits} />
        </Section>
      ) : null}
      {diff.notes?.changed ? (
        <Section title={fieldNames.notes}>
          <dl className="desk-diff-fields">
            {diff.notes.kind.changed ? (
              <div>
                <dt>Kind</dt>
                <dd>
                  {revisionKindLabels[diff.notes.kind.from]} → {revisionKindLabels[diff.notes.kind.to]}
                </dd>
              </div>
            ) : null}
            {diff.notes.summary.changed ? (
              <div>
                <dt>Summary</dt>
                <dd>
                  <TextFieldDiffView diff={diff.notes.summary} view={view} />
                </dd>
              </div>
            ) : null}
            {diff.notes.printedNotes ? (
              // As readers see them: a correction's note stays printed after later updates, so it is never
              // shown as removed.
              diff.notes.printedNotes.changed ? (
                <div>
                  <dt>Notes printed on the story</dt>
                  <dd className="desk-diff-notes">
                    <TextFieldDiffView diff={diff.notes.printedNotes} view={view} />
                  </dd>
                </div>
              ) : null
            ) : diff.notes.publicNote.changed ? (
              <div>
                <dt>Public note</dt>
                <dd>
                  <TextFieldDiffView diff={diff.notes.publicNote} view={view} />
                </dd>
              </div>
            ) : null}
          </dl>
        </Section>
      ) : null}
    </>
  );
}
