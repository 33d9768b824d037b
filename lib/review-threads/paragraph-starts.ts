import { splitParagraphs } from "@/lib/revisions/diff/paragraphs";

/**
 * Where each paragraph the desk shows (lib/revisions/diff/paragraphs.ts) starts in the body's shown text (line
 * breaks as plain line feeds, shown-text.ts), so words selected in a paragraph map to offsets in the field.
 */
export function paragraphStarts(shown: string): number[] | null {
  const starts: number[] = [];
  let cursor = 0;
  for (const paragraph of splitParagraphs(shown)) {
    // A paragraph has something besides blank lines, so its first match at or after the previous one's end is
    // its own place.
    const start = shown.indexOf(paragraph, cursor);
    if (start < 0) return null;
    starts.push(start);
    cursor = start + paragraph.length;
  }
  return starts;
}
