import type { ReviewLabel } from "@/lib/reviews/story-review";

const classes: Record<ReviewLabel, string> = {
  "In review": "desk-badge-review-waiting",
  "Changes requested": "desk-badge-review-changes",
  Approved: "desk-badge-review-approved",
};

/** Where a story stands in review, as a badge that reads as words. Desk only: readers never see it. */
export function ReviewBadge({ label }: { label: ReviewLabel | null }) {
  if (!label) return null;
  return <span className={`desk-badge ${classes[label]}`}>{label}</span>;
}
