"use client";

import { useState } from "react";

import type { BodyDiff } from "@/lib/revisions/diff/content-diff-types";

import { BodyOpView } from "./body-op-view";

const firstBatch = 120;

/**
 * For comments on the body: where each paragraph starts in the older (`from`) and newer (`to`) body (null
 * when not known), and the ranges of the newer body that comments are on, so the unchanged paragraphs
 * holding them open by themselves.
 */
export type BodyTextPlaces = {
  from: number[] | null;
  to: number[] | null;
  commented: { start: number; end: number }[];
};

/**
 * The body comparison. Unchanged runs stay folded; changes render in batches, so even a 100,000-word story
 * with changes throughout opens at once and grows only as far as someone reads.
 */
export function BodyDiffView({
  body,
  view,
  review,
}: {
  body: BodyDiff;
  view: "inline" | "side";
  review?: BodyTextPlaces;
}) {
  const [limit, setLimit] = useState(firstBatch);
  const shown = body.ops.slice(0, limit);
  const left = body.ops.length - shown.length;
  return (
    <div className={`desk-diff-body desk-diff-layout-${view}`}>
      {shown.map((op, index) => (
        <BodyOpView key={index} op={op} view={view} places={review} />
      ))}
      {left > 0 ? (
        <div className="desk-diff-more">
          <p>
            Showing the first {shown.length} of {body.ops.length} parts of the body comparison.
          </p>
          <button
            type="button"
            className="desk-button"
            onClick={() => setLimit((value) => value + firstBatch * 2)}
          >
            Show {Math.min(left, firstBatch * 2)} more
          </button>
        </div>
      ) : null}
    </div>
  );
}
