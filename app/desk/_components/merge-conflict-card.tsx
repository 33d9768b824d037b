"use client";

import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import type { MergeChoice, MergeConflict } from "@/lib/revisions/merge/content-merge-types";

import { BodyEditorWithTools } from "./body-editor/body-editor-with-tools";
import { creditRoleLabels } from "./editor-draft";
import { photoThumbnailPath } from "./photo-paths";

const fieldLabels: Record<MergeConflict["field"], string> = {
  headline: "Headline",
  dek: "Dek",
  byline: "Byline line",
  body: "Body",
  developing: "Developing flag",
  images: "Image",
  credits: "Credit",
};

function Side({ value }: { value: MergeConflict["ours"] }) {
  if (value === null) return <p className="desk-muted desk-merge-text">(removed)</p>;
  if (typeof value === "boolean")
    return <p className="desk-merge-text">{value ? "Developing" : "Not developing"}</p>;
  if (typeof value === "string")
    return (
      <p className="desk-merge-text">
        {value ? <RemovalMarkedText text={value} /> : <span className="desk-muted">(empty)</span>}
      </p>
    );
  if ("alt" in value) {
    const image = value;
    return (
      <dl className="desk-merge-list">
        {image.photoId ? (
          <>
            <dt>Photo</dt>
            <dd>
              {/* eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized */}
              <img className="desk-diff-thumb" src={photoThumbnailPath(image.photoId)} alt="" width={160} />
            </dd>
          </>
        ) : (
          <>
            <dt>URL</dt>
            <dd className="desk-mono">{image.url}</dd>
          </>
        )}
        <dt>Alt</dt>
        <dd>
          <RemovalMarkedText text={image.alt} />
        </dd>
        <dt>Caption</dt>
        <dd>
          <RemovalMarkedText text={image.caption} />
        </dd>
        <dt>Credit</dt>
        <dd>
          <RemovalMarkedText text={image.credit} />
        </dd>
      </dl>
    );
  }
  const credit = value;
  return (
    <p className="desk-merge-text">
      <RemovalMarkedText text={credit.name} /> — {creditRoleLabels[credit.role]}
      {credit.location ? <RemovalMarkedText text={`, ${credit.location}`} /> : ""}
    </p>
  );
}

/**
 * What the two sides are called: in the editor's save conflict "theirs" and "yours"; elsewhere, say, "live"
 * and "scheduled".
 */
export type MergeSides = {
  theirs: string;
  ours: string;
  keepTheirs: string;
  keepOurs: string;
  bothOrder: string;
};

export function saveConflictSides(latestRevision: number): MergeSides {
  return {
    theirs: `Theirs — revision ${latestRevision}`,
    ours: "Yours",
    keepTheirs: `Keep theirs (revision ${latestRevision})`,
    keepOurs: "Keep yours",
    bothOrder: "yours, then theirs",
  };
}

type Props = {
  conflict: MergeConflict;
  index: number;
  total: number;
  sides: MergeSides;
  choice: MergeChoice | undefined;
  onChoose: (choice: MergeChoice) => void;
};

/** One place where both sides changed the same thing: theirs and yours side by side, and the decision. */
export function MergeConflictCard({ conflict, index, total, sides, choice, onChoose }: Props) {
  const isText =
    conflict.field === "headline" ||
    conflict.field === "dek" ||
    conflict.field === "byline" ||
    conflict.field === "body";
  const name = `conflict-${conflict.id}`;
  const picked = choice ? ("pick" in choice ? choice.pick : "edit") : null;
  const options: { value: "theirs" | "ours" | "both" | "edit"; label: string }[] = [
    { value: "theirs", label: sides.keepTheirs },
    { value: "ours", label: sides.keepOurs },
  ];
  if (conflict.field === "body") options.push({ value: "both", label: `Keep both (${sides.bothOrder})` });
  if (isText) options.push({ value: "edit", label: "Write it myself" });
  const choose = (value: (typeof options)[number]["value"]) => {
    if (value === "edit") onChoose({ text: typeof conflict.ours === "string" ? conflict.ours : "" });
    else onChoose({ pick: value });
  };
  return (
    <section className="desk-merge-card" aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`}>
        Conflict {index + 1} of {total}: {fieldLabels[conflict.field]}
        {picked ? (
          <span className="desk-badge desk-badge-published">Decided</span>
        ) : (
          <span className="desk-badge desk-badge-unpublished">Needs a decision</span>
        )}
      </h3>
      <div className="desk-merge-sides">
        <div className="desk-merge-side">
          <h4>{sides.theirs}</h4>
          <Side value={conflict.theirs} />
        </div>
        <div className="desk-merge-side desk-merge-side-ours">
          <h4>{sides.ours}</h4>
          <Side value={conflict.ours} />
        </div>
      </div>
      <fieldset className="desk-merge-choices">
        <legend className="visually-hidden">Resolve conflict {index + 1}</legend>
        {options.map((option) => (
          <label key={option.value} className="desk-radio">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={picked === option.value}
              onChange={() => choose(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {choice && "text" in choice ? (
        <div className="desk-field">
          <label htmlFor={`${name}-text`} id={`${name}-label`}>
            Your wording for the {fieldLabels[conflict.field].toLowerCase()}
          </label>
          {conflict.field === "body" ? (
            // The body is written in the same editor as on the edit screen, Markdown view included.
            <>
              <BodyEditorWithTools
                id={`${name}-text`}
                labelId={`${name}-label`}
                describedBy={`${name}-hint`}
                value={choice.text}
                onChange={(text) => onChoose({ text })}
                problemId={`${name}-problem`}
              />
              <p className="desk-hint" id={`${name}-hint`}>
                Starts from your version of these paragraphs; what you write here replaces both sides.
              </p>
            </>
          ) : (
            <textarea
              id={`${name}-text`}
              rows={2}
              value={choice.text}
              onChange={(event) => onChoose({ text: event.target.value })}
            />
          )}
        </div>
      ) : null}
    </section>
  );
}
