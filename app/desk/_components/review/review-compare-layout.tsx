"use client";

import { useState, type ReactNode } from "react";

import type { ReviewView } from "@/lib/review-threads/review-view";

import { ReviewThreadsPanel } from "./review-threads-panel";

/** The comparison's text beside its comments: words selected in the text become a comment's anchor. */
export function ReviewCompareLayout(props: {
  slug: string;
  from: number;
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
        selectable
        review={props.review}
      />
    </div>
  );
}
