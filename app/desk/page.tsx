import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import { can } from "@/lib/auth/permissions";
import { StoryStatus } from "@/lib/db/generated/enums";
import { DeskStoriesQueryInput, firstValues } from "@/lib/desk/desk-query-input";
import { isAppError } from "@/lib/errors/app-error";
import { plainRemovalMarkers } from "@/lib/legal-removals/removal-marker";
import { reviewLabelsOf } from "@/lib/reviews/review-labels";
import { embargoesOf } from "@/lib/schedules/embargoed-stories";
import { listStories, type StoryPage } from "@/lib/stories/list-stories";

import { ReviewBadge } from "./_components/review/review-badge";
import { StatusBadges } from "./_components/status-badges";

export const metadata: Metadata = { title: "Stories" };

const statusLabels = {
  draft: "Draft",
  published: "Published",
  unpublished: "Unpublished",
  withdrawn: "Withdrawn",
} as const;

const reviewFilterLabels = {
  in_review: "In review",
  changes_requested: "Changes requested",
  approved_unpublished: "Approved, not published",
  unpublished_drafts: "Has unpublished drafts",
} as const;

function pageHref(query: { q?: string; status?: string; review?: string; cursor?: string }): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const text = params.toString();
  return text ? `/desk?${text}` : "/desk";
}

export default async function StoriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor({ permission: "desk:read", callbackPath: "/desk" });
  const query = DeskStoriesQueryInput.parse(firstValues(await searchParams));
  let page: StoryPage = { stories: [], nextCursor: null };
  let listError: string | null = null;
  try {
    page = await listStories({
      actor,
      query: query.q,
      status: query.status,
      review: query.review,
      cursor: query.cursor,
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    listError = error.userMessage;
  }
  const filtered = Boolean(query.q || query.status || query.review);
  const slugs = page.stories.map((story) => story.slug);
  const [embargoes, reviewLabels] = await Promise.all([
    embargoesOf({ actor, slugs }),
    reviewLabelsOf({ actor, slugs }),
  ]);

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>Stories</h1>
          <p className="desk-lede">Every story on the desk, most recently revised first.</p>
        </div>
        {can({ actor, permission: "story:create" }) ? (
          <Link className="desk-button desk-button-primary" href="/desk/stories/new">
            New story
          </Link>
        ) : null}
      </div>
      <form className="desk-filters" role="search" action="/desk" method="get">
        <div className="desk-field">
          <label htmlFor="story-search">Search headline or slug</label>
          <input
            id="story-search"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="e.g. storm or city-council"
          />
        </div>
        <div className="desk-field desk-field-narrow">
          <label htmlFor="story-status">Status</label>
          <select id="story-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any status</option>
            {Object.values(StoryStatus).map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="desk-field desk-field-narrow">
          <label htmlFor="story-review">Review</label>
          <select id="story-review" name="review" defaultValue={query.review ?? ""}>
            <option value="">Any</option>
            {Object.entries(reviewFilterLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="desk-button-row">
          <button type="submit" className="desk-button">
            Search
          </button>
          {filtered ? (
            <Link className="desk-button" href="/desk">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {listError ? (
        <div className="desk-notice desk-notice-bad" role="alert">
          <p>{listError}</p>
          <Link href="/desk">First page</Link>
        </div>
      ) : null}
      {page.stories.length === 0 && !listError ? (
        <div className="desk-panel">
          <p>{filtered ? "No stories match this search." : "No stories yet. Start one with “New story”."}</p>
        </div>
      ) : null}
      {page.stories.length > 0 ? (
        <div className="desk-table-wrap">
          <table className="desk-table desk-table-stack">
            <caption className="visually-hidden">Stories{filtered ? " matching your search" : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Status</th>
                <th scope="col">Newest</th>
                <th scope="col">Live</th>
                <th scope="col">Last update</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {page.stories.map((story) => (
                <tr key={story.slug}>
                  <td className="desk-table-headline">
                    <Link href={`/desk/stories/${story.slug}`}>
                      <RemovalMarkedText text={story.headline} />
                    </Link>
                    <div className="desk-mono desk-muted">{story.slug}</div>
                  </td>
                  <td data-label="Status">
                    <StatusBadges status={story.status} developing={story.developing} />{" "}
                    <ReviewBadge label={reviewLabels.get(story.slug) ?? null} />
                    {embargoes.has(story.slug) ? (
                      <div>
                        <span className="desk-badge desk-badge-embargoed">Embargoed</span> until{" "}
                        <DeskTime iso={embargoes.get(story.slug)!} relative={false} />
                      </div>
                    ) : null}
                  </td>
                  <td data-label="Newest">
                    <Link
                      href={`/desk/stories/${story.slug}/history`}
                      aria-label={`History of ${plainRemovalMarkers(story.headline)}: newest revision ${story.latestRevisionNumber}`}
                    >
                      r{story.latestRevisionNumber}
                    </Link>
                  </td>
                  <td data-label="Live">
                    {story.liveRevisionNumber === null ? (
                      <span className="desk-muted">—</span>
                    ) : (
                      `r${story.liveRevisionNumber}`
                    )}
                  </td>
                  <td data-label="Last update" className="desk-small">
                    <DeskTime iso={story.lastRevisedAt} />
                  </td>
                  <td data-label="By" className="desk-table-person">
                    {story.lastRevisedBy.name}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <nav className="desk-pager" aria-label="Story pages">
        {query.cursor ? (
          <Link href={pageHref({ q: query.q, status: query.status, review: query.review })}>
            ← Newest stories
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link
            href={pageHref({
              q: query.q,
              status: query.status,
              review: query.review,
              cursor: page.nextCursor,
            })}
          >
            Older stories →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
