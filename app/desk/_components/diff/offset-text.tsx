import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import type { ReviewField } from "@/lib/db/generated/enums";
import { splitRemovalMarkers } from "@/lib/legal-removals/removal-marker";
import { removalMarkClass } from "@/lib/render/removal-marks";

/**
 * Where a run of diff text sits in the revisions' fields, so a reader's selection maps to words a comment
 * can be anchored to: `from` is its start in the older revision's field, `to` in the newer's (either left
 * out when the run is not on that side, or the place is not known).
 */
export type TextOffsets = { field: ReviewField; from?: number; to?: number };

/**
 * A run of text carrying its offsets as data attributes (data-rf field, data-ro older start, data-rn newer
 * start); with no offsets, just the text. Each span holds exactly one text node, so a selection offset inside
 * it is an offset into the field. A removal marker is a span of its own holding the marker as stored, which the
 * stylesheet draws as "[removed]" (desk-diff.css), so the offsets of the words after it stay true.
 */
export function OffsetText({ text, at }: { text: string; at: TextOffsets | undefined }) {
  if (!at || (at.from === undefined && at.to === undefined)) return <RemovalMarkedText text={text} />;
  if (!text.includes("⟦"))
    return (
      <span data-rf={at.field} data-ro={at.from} data-rn={at.to}>
        {text}
      </span>
    );
  const pieces = splitRemovalMarkers(text).map((piece) => ({
    removal: "removal" in piece ? piece.removal : null,
    stored: "removal" in piece ? `⟦removed ${piece.removal}⟧` : piece.text,
  }));
  const starts = pieces.map((_, index) =>
    pieces.slice(0, index).reduce((sum, piece) => sum + piece.stored.length, 0),
  );
  return (
    <>
      {pieces.map((piece, index) => (
        <span
          key={index}
          className={piece.removal === null ? undefined : `${removalMarkClass} ${removalMarkClass}-source`}
          title={piece.removal === null ? undefined : `Removed on legal advice (removal ${piece.removal})`}
          data-rf={at.field}
          data-ro={at.from === undefined ? undefined : at.from + (starts[index] ?? 0)}
          data-rn={at.to === undefined ? undefined : at.to + (starts[index] ?? 0)}
        >
          {piece.stored}
        </span>
      ))}
    </>
  );
}

/** Offsets of the ops' runs, walking equal+delete through the older text and equal+insert through the newer. */
export function opOffsets(
  ops: readonly { op: "equal" | "insert" | "delete"; text: string }[],
  at: TextOffsets | undefined,
): (TextOffsets | undefined)[] {
  if (!at) return ops.map(() => undefined);
  let from = at.from;
  let to = at.to;
  return ops.map((op) => {
    const here: TextOffsets = {
      field: at.field,
      from: op.op === "insert" ? undefined : from,
      to: op.op === "delete" ? undefined : to,
    };
    if (op.op !== "insert" && from !== undefined) from += op.text.length;
    if (op.op !== "delete" && to !== undefined) to += op.text.length;
    return here;
  });
}
