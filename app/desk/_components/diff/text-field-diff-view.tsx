import type { TextFieldDiff } from "@/lib/revisions/diff/content-diff-types";

import { WordOpsText } from "./word-ops-text";

/** A short field (headline, caption …) compared inline or side by side. */
export function TextFieldDiffView({ diff, view }: { diff: TextFieldDiff; view: "inline" | "side" }) {
  if (!diff.changed) return <span>{diff.to || <span className="desk-muted">(empty)</span>}</span>;
  if (view === "side") {
    return (
      <div className="desk-diff-sides">
        <div className="desk-diff-side desk-diff-from">
          <span className="desk-diff-side-label">Before</span>
          {diff.from ? (
            <WordOpsText ops={diff.ops} side="from" />
          ) : (
            <span className="desk-muted">(empty)</span>
          )}
        </div>
        <div className="desk-diff-side desk-diff-to">
          <span className="desk-diff-side-label">After</span>
          {diff.to ? <WordOpsText ops={diff.ops} side="to" /> : <span className="desk-muted">(empty)</span>}
        </div>
      </div>
    );
  }
  return <WordOpsText ops={diff.ops} />;
}
