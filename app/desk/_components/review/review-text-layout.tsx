"use client";

import { useState, type ReactNode } from "react";

import type { ReviewView } from "@/lib/review-threads/review-view";

import { ReviewThreadsPanel } from "./review-threads-panel";

/**
 * Text whose runs carry their offsets (a comparison, or one revision's text) beside its comments: words
 * selected in it become a comment's anchor. `from`: the older revision of a comparison.
 */
export function ReviewTextLayout(props: {
  slug: string;
  from?: number;
  to: number;
  review: ReviewView;
  children: ReactNode;
}) {
  const [container, setContainer] = useState<HTMLElement | null>(null);
  return (
    <div className="desk-review-layout">
      <div ref={setContainer} className="desk-review-text">
        {props.children}
      </div>
      <ReviewThreadsPanel
        slug={props.slug}
        revision={props.to}
        from={props.from}
        container={container}
        review={props.review}
      />
    </div>
  );
}
