import { DeskTime } from "@/app/_components/desk-time";
import type { ReviewAction } from "@/lib/db/generated/enums";
import type { ReviewHistoryEntry } from "@/lib/reviews/story-review";

const verbs: Partial<Record<ReviewAction, string>> = {
  submit: "asked for review of",
  withdraw: "withdrew the request for",
  approve: "approved",
  request_changes: "requested changes on",
  publish_without_review: "published without review, as",
};

/** The story's review history, newest first, folded away until asked for. */
export function ReviewHistory({ history }: { history: ReviewHistoryEntry[] }) {
  if (history.length === 0) return null;
  return (
    <details className="desk-review-history">
      <summary>Review history ({history.length})</summary>
      <ol>
        {history.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <strong>{entry.actor.name}</strong> {verbs[entry.action] ?? entry.action}{" "}
            {entry.revisionNumber !== null ? `revision ${entry.revisionNumber}` : "the story"}{" "}
            <span className="desk-small">
              <DeskTime iso={entry.at} />
            </span>
            {entry.note ? <div className="desk-review-note">{entry.note}</div> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
