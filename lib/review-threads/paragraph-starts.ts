import { splitParagraphs } from "@/lib/revisions/diff/paragraphs";

/**
 * Where each paragraph the body comparison shows (lib/revisions/diff/paragraphs.ts) starts in the stored body,
 * so words selected in a paragraph map to offsets in the field. Null for a body with carriage returns: the
 * comparison shows it with plain line feeds, so its offsets would not match the stored text.
 */
export function paragraphStarts(body: string): number[] | null {
  if (body.includes("\r")) return null;
  const starts: number[] = [];
  let cursor = 0;
  for (const paragraph of splitParagraphs(body)) {
    // A paragraph has something besides blank lines, so its first match at or after the previous one's end is
    // its own place.
    const start = body.indexOf(paragraph, cursor);
    if (start < 0) return null;
    starts.push(start);
    cursor = start + paragraph.length;
  }
  return starts;
}
