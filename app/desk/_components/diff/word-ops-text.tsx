import type { WordOp } from "@/lib/revisions/diff/content-diff-types";

/**
 * Word-level changes as text: insertions in <ins>, deletions in <del>. Underline and strike-through plus the
 * "+"/"−" marks and the hidden words "inserted"/"deleted" carry the meaning for anyone who cannot see colour.
 * `side` "from" shows the older text (equal + deleted), "to" the newer (equal + inserted), "both" everything.
 */
export function WordOpsText({ ops, side = "both" }: { ops: WordOp[]; side?: "from" | "to" | "both" }) {
  return (
    <>
      {ops.map((op, index) => {
        if (op.op === "equal") return <span key={index}>{op.text}</span>;
        if (op.op === "insert") {
          if (side === "from") return null;
          return (
            <ins key={index} className="desk-ins">
              <span className="visually-hidden">[inserted: </span>
              {op.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        if (side === "to") return null;
        return (
          <del key={index} className="desk-del">
            <span className="visually-hidden">[deleted: </span>
            {op.text}
            <span className="visually-hidden">]</span>
          </del>
        );
      })}
    </>
  );
}
