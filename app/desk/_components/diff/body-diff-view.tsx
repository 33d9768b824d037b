"use client";

import { useState } from "react";

import type { BodyDiff } from "@/lib/revisions/diff/content-diff-types";

import { BodyOpView } from "./body-op-view";

const firstBatch = 120;

/**
 * The body comparison. Unchanged runs stay folded; changes render in batches, so even a 100,000-word story
 * with changes throughout opens at once and grows only as far as someone reads.
 */
export function BodyDiffView({ body, view }: { body: BodyDiff; view: "inline" | "side" }) {
  const [limit, setLimit] = useState(firstBatch);
  const shown = body.ops.slice(0, limit);
  const left = body.ops.length - shown.length;
  return (
    <div className={`desk-diff-body desk-diff-layout-${view}`}>
      {shown.map((op, index) => (
        <BodyOpView key={index} op={op} view={view} />
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
