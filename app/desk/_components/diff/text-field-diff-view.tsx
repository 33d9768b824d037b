import type { ReviewField } from "@/lib/db/generated/enums";
import type { TextFieldDiff } from "@/lib/revisions/diff/content-diff-types";

import { WordOpsText } from "./word-ops-text";

/**
 * A short field (headline, caption …) compared inline or side by side. `field`: a revision field whose words
 * reviewers may comment on; its runs then carry their offsets.
 */
export function TextFieldDiffView({
  diff,
  view,
  field,
}: {
  diff: TextFieldDiff;
  view: "inline" | "side";
  field?: ReviewField;
}) {
  const at = field ? { field, from: 0, to: 0 } : undefined;
  if (!diff.changed) return <span>{diff.to || <span className="desk-muted">(empty)</span>}</span>;
  if (view === "side") {
    return (
      <div className="desk-diff-sides">
        <div className="desk-diff-side desk-diff-from">
          <span className="desk-diff-side-label">Before</span>
          {diff.from ? (
            <WordOpsText ops={diff.ops} side="from" at={at} />
          ) : (
            <span className="desk-muted">(empty)</span>
          )}
        </div>
        <div className="desk-diff-side desk-diff-to">
          <span className="desk-diff-side-label">After</span>
          {diff.to ? (
            <WordOpsText ops={diff.ops} side="to" at={at} />
          ) : (
            <span className="desk-muted">(empty)</span>
          )}
        </div>
      </div>
    );
  }
  return <WordOpsText ops={diff.ops} at={at} />;
}
