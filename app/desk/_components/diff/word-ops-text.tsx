import type { WordOp } from "@/lib/revisions/diff/content-diff-types";

import { OffsetText, opOffsets, type TextOffsets } from "./offset-text";

/**
 * Word-level changes as text: insertions in <ins>, deletions in <del>. Underline and strike-through plus the
 * "+"/"−" marks and the hidden words "inserted"/"deleted" carry the meaning for anyone who cannot see colour.
 * `side` "from" shows the older text (equal + deleted), "to" the newer (equal + inserted), "both" everything.
 * `at`, where the ops start in the two revisions' field, lets reviewers anchor comments to the words.
 */
export function WordOpsText({
  ops,
  side = "both",
  at,
}: {
  ops: WordOp[];
  side?: "from" | "to" | "both";
  at?: TextOffsets;
}) {
  const offsets = opOffsets(ops, at);
  return (
    <>
      {ops.map((op, index) => {
        const text = <OffsetText text={op.text} at={offsets[index]} />;
        if (op.op === "equal") return <span key={index}>{text}</span>;
        if (op.op === "insert") {
          if (side === "from") return null;
          return (
            <ins key={index} className="desk-ins">
              <span className="visually-hidden">[inserted: </span>
              {text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        if (side === "to") return null;
        return (
          <del key={index} className="desk-del">
            <span className="visually-hidden">[deleted: </span>
            {text}
            <span className="visually-hidden">]</span>
          </del>
        );
      })}
    </>
  );
}
