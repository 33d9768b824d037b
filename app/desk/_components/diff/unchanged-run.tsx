"use client";

import { useState } from "react";

import { paragraphPhoto } from "@/lib/revisions/diff/body-photo-paragraphs";

import type { BodyTextPlaces } from "./body-diff-view";
import { ParagraphOrPhoto } from "./body-photo-view";
import { OffsetText } from "./offset-text";

/**
 * A run of identical paragraphs, folded to a count until someone opens it; closed, its text is not rendered.
 * With `places` (the compare view), its text carries its offsets, and a run holding words a comment is on
 * starts open.
 */
export function UnchangedRun({
  fromIndex,
  toIndex,
  paragraphs,
  places,
}: {
  fromIndex: number;
  toIndex: number;
  paragraphs: string[];
  places?: BodyTextPlaces;
}) {
  const [open, setOpen] = useState(() => holdsComment({ toIndex, paragraphs, places }));
  const count = paragraphs.length;
  const range = count === 1 ? `¶ ${toIndex + 1}` : `¶ ${toIndex + 1}–${toIndex + count}`;
  return (
    <div className="desk-diff-unchanged">
      <button
        type="button"
        className="desk-diff-fold"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? "Hide" : "Show"} {count} unchanged {count === 1 ? "paragraph" : "paragraphs"}{" "}
        <span className="desk-muted">
          ({range}
          {fromIndex !== toIndex ? `, was ¶ ${fromIndex + 1}` : ""})
        </span>
      </button>
      {open ? (
        <div className="desk-diff-unchanged-text">
          {paragraphs.map((text, index) =>
            places && !paragraphPhoto(text) ? (
              <p key={index}>
                <OffsetText
                  text={text}
                  at={{
                    field: "body",
                    from: places.from?.[fromIndex + index],
                    to: places.to?.[toIndex + index],
                  }}
                />
              </p>
            ) : (
              <ParagraphOrPhoto key={index} text={text} />
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}

function holdsComment(options: {
  toIndex: number;
  paragraphs: string[];
  places: BodyTextPlaces | undefined;
}): boolean {
  const { toIndex, paragraphs, places } = options;
  const start = places?.to?.[toIndex];
  const last = places?.to?.[toIndex + paragraphs.length - 1];
  if (!places || start === undefined || last === undefined) return false;
  const end = last + (paragraphs.at(-1)?.length ?? 0);
  return places.commented.some((words) => words.start < end && words.end > start);
}
