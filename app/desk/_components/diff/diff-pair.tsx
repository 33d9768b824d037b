import type { ReactNode } from "react";

/** The older and newer side of one change, next to each other. */
export function Pair({ from, to }: { from: ReactNode; to: ReactNode }) {
  return (
    <div className="desk-diff-sides">
      <div className="desk-diff-side desk-diff-from">
        <span className="desk-diff-side-label">Before</span>
        {from ?? <span className="desk-muted">(nothing)</span>}
      </div>
      <div className="desk-diff-side desk-diff-to">
        <span className="desk-diff-side-label">After</span>
        {to ?? <span className="desk-muted">(nothing)</span>}
      </div>
    </div>
  );
}
