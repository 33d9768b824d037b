import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { firstValues } from "@/lib/desk/desk-query-input";
import { deskSearchHref, readDeskSearchParams, type DeskSearchParams } from "@/lib/desk/desk-search-params";
import { readSearchChoices } from "@/lib/desk/search-choices";
import { fieldProblemsOf, isAppError, type AppError } from "@/lib/errors/app-error";
import { searchStories } from "@/lib/search/search";
import type { SearchPage as SearchResultPage } from "@/lib/search/search-results";

import { SearchForm } from "./search-form";
import { SearchResults } from "./search-results";

import "./search.css";

export const metadata: Metadata = { title: "Search" };

// What each field's message is about, for messages that are a predicate ("must be at most 500 characters").
const subjects: Record<string, string> = {
  q: "The search",
  scope: "The choice",
  status: "The status",
  author: "The person",
  contributor: "The contributor",
  kind: "The kind of change",
  from: "The date",
  to: "The date",
  developing: "The choice",
  live: "The choice",
  correction: "The choice",
};

/** A message standing under its field, as a sentence: "The search must be at most 500 characters." */
function sentence(field: string, message: string): string {
  const text = /^[a-z]/.test(message) ? `${subjects[field]} ${message}` : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * A refused search as the form shows it: each message under the field it concerns; what concerns no field
 * of the form (a stale cursor, search taking too long) above the form.
 */
function refusal(error: AppError): { fields: Record<string, string>; message: string | null } {
  const issues = fieldProblemsOf(error);
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (Object.hasOwn(subjects, issue.path) && !fields[issue.path])
      fields[issue.path] = sentence(issue.path, issue.message);
  }
  return { fields, message: Object.keys(fields).length > 0 ? null : error.userMessage };
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor({ permission: "desk:read", callbackPath: "/desk/search" });
  const { searched, input } = readDeskSearchParams(firstValues(await searchParams));
  const choices = await readSearchChoices({ actor });
  let page: SearchResultPage | null = null;
  let fieldErrors: Record<string, string> = {};
  let problem: string | null = null;
  if (searched) {
    try {
      page = await searchStories({ actor, input });
    } catch (error) {
      if (!isAppError(error)) throw error;
      ({ fields: fieldErrors, message: problem } = refusal(error));
    }
  }

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>Search</h1>
          <p className="desk-lede">
            Headlines, deks, bylines, bodies, photo captions and credits, summaries and notes of every story.
            The current version of each story by default; every revision on request.
          </p>
        </div>
      </div>
      {problem ? (
        <div className="desk-notice desk-notice-bad" role="alert">
          <p>{problem}</p>
          {input.cursor ? (
            <Link href={deskSearchHref({ ...input, cursor: undefined })}>First results</Link>
          ) : null}
        </div>
      ) : null}
      <SearchForm input={input} errors={fieldErrors} choices={choices} />
      {page ? <Results page={page} input={input} /> : null}
    </>
  );
}

function Results({ page, input }: { page: SearchResultPage; input: DeskSearchParams }) {
  const where = page.scope === "all" ? "in all revisions" : "in current versions";
  const { cursor: _cursor, ...firstPage } = input;
  return (
    <section className="desk-search-results" aria-labelledby="search-results-heading">
      <h2 id="search-results-heading">
        {page.hits.length === 0 ? "No results" : input.cursor ? "More results" : "Results"}{" "}
        <span className="desk-muted">{where}</span>
      </h2>
      {page.hits.length === 0 ? (
        <div className="desk-panel">
          <p>
            {input.cursor ? "No more stories match this search." : "No story matches this search."}
            {page.scope === "live" && !input.cursor ? (
              <>
                {" "}
                Text that was taken out of a story is only in its older revisions:{" "}
                <Link href={deskSearchHref({ ...firstPage, scope: "all" })}>search all revisions</Link>.
              </>
            ) : null}
          </p>
        </div>
      ) : (
        <SearchResults hits={page.hits} scope={page.scope} />
      )}
      <nav className="desk-pager" aria-label="Result pages">
        {input.cursor ? <Link href={deskSearchHref(firstPage)}>← First results</Link> : <span />}
        {page.nextCursor ? (
          <Link href={deskSearchHref({ ...input, cursor: page.nextCursor })}>More results →</Link>
        ) : null}
      </nav>
    </section>
  );
}
