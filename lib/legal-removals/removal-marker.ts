/*
 * The marker that replaces removed material in every stored copy: ⟦removed 12⟧, where 12 is the removal's
 * number (so a notice can be shown where its removal was). Written by the database's
 * copydesk_apply_legal_removal (migration 20261207220000_legal_removals), which uses the same pattern. Pure and
 * free of server code: the desk's editor and every renderer read markers through this file.
 */

export const removalMarkerPattern = /⟦removed (\d+)⟧/g;

export function removalMarker(options: { number: number }): string {
  return `⟦removed ${options.number}⟧`;
}

/** The removal numbers a text carries, in order of first appearance. */
export function removalNumbersIn(text: string): number[] {
  const found = new Set<number>();
  for (const match of text.matchAll(removalMarkerPattern)) found.add(Number(match[1]));
  return [...found];
}

/** Text for plain-text places (feeds, page titles, JSON-LD, mail): each marker becomes "[removed]". */
export function plainRemovalMarkers(text: string): string {
  return text.replace(removalMarkerPattern, "[removed]");
}

export type MarkedPiece = { text: string } | { removal: number };

/** A text split into plain pieces and markers, for renderers that draw a marker as its own element. */
export function splitRemovalMarkers(text: string): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(removalMarkerPattern)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index) });
    pieces.push({ removal: Number(match[1]) });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

// Private-use characters are what the database sets markers aside with while it replaces passages; the marker's
// brackets would let a passage reach into a marker.
const reserved = /[⟦⟧\uE000-\uF8FF]/;

/** Why a passage cannot be removed as typed, or null. */
export function passageProblem(text: string): string | null {
  if (reserved.test(text)) return "cannot contain ⟦, ⟧ or private-use characters";
  if (text.trim().length < 3) return "choose at least 3 characters, so nothing else is removed by accident";
  return null;
}
