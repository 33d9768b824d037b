import type { SearchField } from "@/lib/search/search-results";

/** How the desk names where in a revision a passage was found. */
export const searchFieldLabels: Record<SearchField, string> = {
  headline: "Headline",
  dek: "Dek",
  byline: "Byline",
  body: "Body",
  captions: "Photo",
  credits: "Credits",
  summary: "Summary",
  public_note: "Public note",
  internal_note: "Internal note",
};

/** Revision numbers as people read them: "2, 3" or "2–6, 9" (runs of three or more collapse). */
export function revisionList(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const number of sorted) {
    const last = runs.at(-1);
    if (last && number === last[1] + 1) last[1] = number;
    else runs.push([number, number]);
  }
  return runs
    .map(([first, last]) =>
      first === last ? `${first}` : last === first + 1 ? `${first}, ${last}` : `${first}–${last}`,
    )
    .join(", ");
}

/** "revision 3" or "revisions 2, 3". */
export function revisionsWord(numbers: number[]): string {
  return `${new Set(numbers).size === 1 ? "revision" : "revisions"} ${revisionList(numbers)}`;
}
