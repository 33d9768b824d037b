import type { ReviewField } from "@/lib/db/generated/enums";

/** Words selected in the compare view, as a comment's anchor: in the newer revision, or the older one. */
export type SelectedWords = {
  side: "new" | "old";
  field: ReviewField;
  start: number;
  end: number;
  quote: string;
};

export type SelectionReading = { words: SelectedWords } | { problem: string } | null;

type Piece = { field: string; old?: number; new?: number; text: string };

function offsetOf(element: HTMLElement, name: "ro" | "rn"): number | undefined {
  const value = element.dataset[name];
  return value === undefined ? undefined : Number(value);
}

/**
 * Reads the browser's selection inside `container` as words of one field. Each run of diff text carries its
 * offsets (offset-text.tsx); a selection touching any newer text is on the newer revision, one only in removed
 * text is on the older one. Null when nothing is selected there.
 */
export function readSelection(container: HTMLElement, selection: Selection | null): SelectionReading {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const pieces: Piece[] = [];
  for (const element of container.querySelectorAll<HTMLElement>("[data-rf]")) {
    const node = element.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE || !range.intersectsNode(node)) continue;
    const length = node.textContent?.length ?? 0;
    const from = range.startContainer === node ? range.startOffset : 0;
    const to = range.endContainer === node ? range.endOffset : length;
    if (to <= from) continue;
    const text = (node.textContent ?? "").slice(from, to);
    const old = offsetOf(element, "ro");
    const fresh = offsetOf(element, "rn");
    pieces.push({
      field: element.dataset.rf ?? "",
      old: old === undefined ? undefined : old + from,
      new: fresh === undefined ? undefined : fresh + from,
      text,
    });
  }
  if (pieces.length === 0)
    return { problem: "Select words in the text of the comparison (not in labels or photos)." };
  const fields = new Set(pieces.map((piece) => piece.field));
  const [field] = fields;
  if (fields.size > 1 || !isField(field)) return { problem: "Select words within one field." };
  // Removed words with unchanged ones around them are a removed passage of the older revision; anything
  // touching added words, or unchanged words alone, is the newer revision's.
  const removedOnly = pieces.some((piece) => piece.new === undefined);
  const addedOnly = pieces.some((piece) => piece.old === undefined);
  const side = removedOnly && !addedOnly ? "old" : "new";
  const onSide = pieces
    .flatMap((piece) => {
      const start = side === "new" ? piece.new : piece.old;
      return start === undefined ? [] : [{ start, text: piece.text }];
    })
    .sort((a, b) => a.start - b.start);
  const first = onSide[0];
  if (!first) return null;
  let end = first.start;
  let quote = "";
  for (const piece of onSide) {
    // Pieces of one side are consecutive runs of the same text; a gap means the selection spans paragraphs.
    if (piece.start !== end) return { problem: "Select words within one paragraph." };
    quote += piece.text;
    end += piece.text.length;
  }
  // Spaces at the edges of a selection are not part of the words.
  const leading = quote.length - quote.trimStart().length;
  const trailing = quote.length - quote.trimEnd().length;
  const words = quote.trim();
  if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(words)) return null;
  return {
    words: { side, field, start: first.start + leading, end: end - trailing, quote: words },
  };
}

function isField(value: string | undefined): value is ReviewField {
  return value === "headline" || value === "dek" || value === "byline" || value === "body";
}
