import { SearchInput } from "@/lib/search/search-input";

/** The search fields a desk address may carry, as typed: search itself validates every value. */
export type DeskSearchParams = Partial<Record<keyof SearchInput, string>>;

const fieldNames = Object.keys(SearchInput.shape) as (keyof SearchInput)[];

/**
 * The desk search page's query string → what search is asked. A GET form sends every field, the blank
 * "Any …" choices included, so blanks mean "not given"; anything that is not a search field is left out.
 * `searched`: the address carries a query at all (even an empty one, which search then refuses with a
 * message), as opposed to a first visit to the page.
 */
export function readDeskSearchParams(params: Record<string, string | undefined>): {
  searched: boolean;
  input: DeskSearchParams;
} {
  const input: DeskSearchParams = {};
  for (const name of fieldNames) {
    const value = params[name];
    if (value !== undefined && (name === "q" || value.trim() !== "")) input[name] = value;
  }
  return { searched: params.q !== undefined, input };
}

/** A desk search address for `input`, e.g. the next page or the same search in the other scope. */
export function deskSearchHref(input: DeskSearchParams): string {
  const params = new URLSearchParams(
    Object.entries(input).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return `/desk/search?${params.toString()}`;
}

/** How many filters (beyond the words and the scope) a search carries, for the "Filters (2)" summary. */
export function countSearchFilters(input: DeskSearchParams): number {
  const filters: (keyof SearchInput)[] = [
    "status",
    "author",
    "contributor",
    "kind",
    "from",
    "to",
    "developing",
    "live",
    "correction",
  ];
  return filters.filter((name) => input[name] !== undefined).length;
}
