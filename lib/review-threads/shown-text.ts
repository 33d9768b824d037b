/**
 * The desk shows a field's text with every line break as a plain line feed (lib/revisions/diff/paragraphs.ts
 * reads "\r\n" and "\r" as "\n"), while an anchor's offsets and quote are the stored text's. These are the
 * places where the two differ, so offsets the reviewer selected map to the stored text and back.
 */
export type LineBreaks = {
  /** Where, in the shown text, a "\n" is stored as "\r\n" (one character longer), in order. */
  crlf: number[];
  /** Where, in the shown text, a "\n" is stored as a lone "\r". */
  cr: number[];
};

/** The shown text of a stored one: line breaks as plain line feeds. */
export function shownText(stored: string): string {
  return stored.replace(/\r\n?/g, "\n");
}

/** The stored text's carriage returns as places in the shown text; null when it has none (most bodies). */
export function lineBreaksOf(stored: string): LineBreaks | null {
  if (!stored.includes("\r")) return null;
  const breaks: LineBreaks = { crlf: [], cr: [] };
  let shown = 0;
  for (let index = 0; index < stored.length; index += 1, shown += 1) {
    if (stored.charCodeAt(index) !== 13) continue;
    if (stored.charCodeAt(index + 1) === 10) {
      breaks.crlf.push(shown);
      index += 1;
    } else breaks.cr.push(shown);
  }
  return breaks;
}

/** How many of the sorted `places` are below `limit`. */
function countBelow(places: readonly number[], limit: (place: number, index: number) => boolean): number {
  let low = 0;
  let high = places.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (limit(places[middle] as number, middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The stored offset of a place in the shown text. */
export function toStored(breaks: LineBreaks | null, shown: number): number {
  return breaks ? shown + countBelow(breaks.crlf, (place) => place < shown) : shown;
}

/** The shown offset of a place in the stored text (inside a "\r\n", its start). */
export function toShown(breaks: LineBreaks | null, stored: number): number {
  // The k-th "\r\n" (shown at p) starts at p + k in the stored text.
  return breaks ? stored - countBelow(breaks.crlf, (place, index) => place + index < stored) : stored;
}

/** The stored text of `text`, shown from `start`: each line feed as it is stored. */
export function storedSlice(breaks: LineBreaks | null, start: number, text: string): string {
  if (!breaks || !text.includes("\n")) return text;
  const crlf = new Set(breaks.crlf);
  const cr = new Set(breaks.cr);
  let stored = "";
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char !== "\n") stored += char;
    else if (crlf.has(start + index)) stored += "\r\n";
    else if (cr.has(start + index)) stored += "\r";
    else stored += "\n";
  }
  return stored;
}
