import { wallClock } from "@/lib/editorial/newsroom-time";
import { AppError } from "@/lib/errors/app-error";
import type { FieldIssue } from "@/lib/validation/parse-input";

/** One thing to look for: a word as typed, or the words of an "exact phrase". */
export type SearchTerm = { kind: "word" | "phrase"; text: string };

/**
 * What `q` asks for: every clause must match (a clause is one term, or terms joined by OR), and no excluded
 * term may. PostgreSQL turns each term into a tsquery (postgres-search.ts), so stemming and stop words follow
 * the search language.
 */
export type SearchQuery = { clauses: SearchTerm[][]; excluded: SearchTerm[] };

// More terms than this make a query slow to plan and are almost always a pasted paragraph.
export const maxSearchTerms = 16;

function queryProblem(message: string, field = "q"): AppError {
  const fields: FieldIssue[] = [{ path: field, message }];
  return new AppError({
    code: "validation_failed",
    message: `invalid search ${field}: ${message}`,
    userMessage: message,
    details: { fields },
  });
}

type Token = { kind: "term"; term: SearchTerm; excluded: boolean; at: number } | { kind: "or"; at: number };

// Quotes people paste from word processors count as quotes.
const quote = /["“”„]/;

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < q.length) {
    const character = q[index]!;
    if (/\s/.test(character)) {
      index += 1;
      continue;
    }
    const at = index + 1;
    let excluded = false;
    let start = index;
    if (character === "-" && index + 1 < q.length && !/\s/.test(q[index + 1]!)) {
      excluded = true;
      start = index + 1;
    }
    if (quote.test(q[start]!)) {
      const close = q.slice(start + 1).search(quote);
      if (close < 0)
        throw queryProblem(
          `The quote at character ${start + 1} is never closed; add the closing quote or remove it.`,
        );
      const text = q
        .slice(start + 1, start + 1 + close)
        .replace(/\s+/g, " ")
        .trim();
      index = start + close + 2;
      // An empty phrase ("") asks for nothing: it is left out, like extra spaces.
      if (/[\p{L}\p{N}]/u.test(text))
        tokens.push({ kind: "term", term: { kind: "phrase", text }, excluded, at });
      continue;
    }
    let end = start;
    while (end < q.length && !/\s/.test(q[end]!) && !quote.test(q[end]!)) end += 1;
    const text = q.slice(start, end);
    index = end;
    if (!excluded && text === "OR") tokens.push({ kind: "or", at });
    // Punctuation alone ("-", "&", "…") matches nothing: left out as an operator would be.
    else if (/[\p{L}\p{N}]/u.test(text))
      tokens.push({ kind: "term", term: { kind: "word", text }, excluded, at });
  }
  return tokens;
}

/**
 * Reads what people type into the search box: words, "exact phrases", -excluded and OR (upper case, between
 * two terms). Refuses, with a sentence that says where, what cannot be a search. `q` has already passed
 * textInput (at most 500 characters, no control characters), trimmed.
 */
export function readSearchQuery(q: string): SearchQuery {
  if (q.length === 0) throw queryProblem("Type a word or an exact phrase to search for.");
  const tokens = tokenize(q);
  const terms = tokens.filter((token) => token.kind === "term");
  if (terms.length === 0)
    throw queryProblem(
      'The search holds only operators (OR, a minus, quotes) and no word to look for; add a word or an "exact phrase".',
    );
  if (terms.every((token) => token.excluded))
    throw queryProblem(
      "Every word here is excluded (starts with a minus); add at least one word to look for.",
    );
  if (terms.length > maxSearchTerms)
    throw queryProblem(
      `The search has ${terms.length} words and phrases; use at most ${maxSearchTerms}, or put a longer passage in quotes.`,
    );

  const clauses: SearchTerm[][] = [];
  const excluded: SearchTerm[] = [];
  let joinNext = false;
  tokens.forEach((token, position) => {
    if (token.kind === "or") {
      const before = tokens[position - 1];
      const after = tokens[position + 1];
      const usable = (neighbour: Token | undefined) => neighbour?.kind === "term" && !neighbour.excluded;
      if (!usable(before) || !usable(after))
        throw queryProblem(
          `OR at character ${token.at} needs a word or phrase to look for on each side (not an excluded one).`,
        );
      joinNext = true;
      return;
    }
    if (token.excluded) excluded.push(token.term);
    else if (joinNext) clauses.at(-1)!.push(token.term);
    else clauses.push([token.term]);
    joinNext = false;
  });
  return { clauses, excluded };
}

/**
 * For each clause, its words that may also match names with a typo or without accents, or null when the clause
 * must match exactly: a phrase, or a word under four letters ("EU" is in half the names by trigram). Null
 * overall when no clause may.
 */
export function typoWords(query: SearchQuery): (string[] | null)[] | null {
  const clauses = query.clauses.map((clause) =>
    clause.every((term) => term.kind === "word" && [...term.text].length >= 4)
      ? clause.map((term) => term.text)
      : null,
  );
  return clauses.some((clause) => clause !== null) ? clauses : null;
}

function calendarDay(day: string, field: "from" | "to"): { year: number; month: number; day: number } {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date)
    throw queryProblem(`${day} is not a day on the calendar.`, field);
  return { year, month, day: date };
}

/** The instant a newsroom calendar day begins in `zone`. */
function dayStart(options: { year: number; month: number; day: number; zone: string }): Date {
  const target = Date.UTC(options.year, options.month - 1, options.day);
  let instant = target;
  // Two corrections settle any zone offset, including a day that begins in a daylight-saving change.
  for (let step = 0; step < 2; step += 1) {
    const clock = wallClock({ instant: new Date(instant), zone: options.zone });
    instant +=
      target - Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  }
  return new Date(instant);
}

/**
 * The newsroom days `from` and `to` (inclusive, YYYY-MM-DD in the newsroom's zone) as instants: on or after
 * `start`, before `end`.
 */
export function readSearchDates(options: { from?: string; to?: string; zone: string }): {
  start: Date | null;
  end: Date | null;
} {
  const from = options.from ? calendarDay(options.from, "from") : null;
  const to = options.to ? calendarDay(options.to, "to") : null;
  if (options.from && options.to && options.from > options.to)
    throw queryProblem(`The end date ${options.to} is before the start date ${options.from}.`, "to");
  return {
    start: from ? dayStart({ ...from, zone: options.zone }) : null,
    end: to ? dayStart({ ...to, day: to.day + 1, zone: options.zone }) : null,
  };
}
