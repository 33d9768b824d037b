"use client";

import { useState } from "react";

import { ParagraphOrPhoto } from "./body-photo-view";

/**
 * A run of identical paragraphs, folded to a count until someone opens it; closed, its text is not rendered.
 */
export function UnchangedRun({
  fromIndex,
  toIndex,
  paragraphs,
}: {
  fromIndex: number;
  toIndex: number;
  paragraphs: string[];
}) {
  const [open, setOpen] = useState(false);
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
          {paragraphs.map((text, index) => (
            <ParagraphOrPhoto key={index} text={text} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
