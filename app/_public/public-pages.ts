import "server-only";
import { unstable_cache } from "next/cache";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { publicIndexCacheTag, storyCacheTags } from "@/lib/public/cache-tags";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { readPublicChangeLog } from "@/lib/public/public-change-log";
import { listPublicCorrections } from "@/lib/public/public-corrections";
import { readPublicHistory } from "@/lib/public/public-history";
import { listPublishedStories } from "@/lib/public/public-index";
import { readPublicStoryVersion } from "@/lib/public/public-story-version";
import { readPublishedStory } from "@/lib/public/published-story";
import { readStoryWithdrawal } from "@/lib/public/story-withdrawal";
import { externalImageOrigins } from "@/lib/media/photo-pictures";
import { renderCorrectionsPage } from "@/lib/render/corrections-page";
import { renderCorrectionsFeed, renderSiteFeed, renderStoryFeed } from "@/lib/render/feeds";
import { renderHistoryPage } from "@/lib/render/history-page";
import { renderIndexPage } from "@/lib/render/index-page";
import { renderMessagePage } from "@/lib/render/message-page";
import { renderNotFoundPage } from "@/lib/render/not-found-page";
import { renderStoryPage } from "@/lib/render/story-page";
import { renderWithdrawnPage } from "@/lib/render/withdrawn-page";
import { StorySlugInput } from "@/lib/stories/create-story-input";

/**
 * Whole public responses (status + body string), cached in Next's data cache and tagged so publishing
 * invalidates them (app/_public/invalidate-public-story.ts). A warm request is a cache read: no database
 * query, whatever the story's history length. Only successful pages are cached: a not-found or a bad
 * comparison throws out of the cached function (so nothing is stored) and is answered here, so made-up slugs
 * or version numbers cannot fill the cache; each costs one indexed query.
 */
export type PublicResponse = {
  status: number;
  body: string;
  /** Other sites this page's older images load from, allowed by its CSP alone (see public-content-security-policy.ts). */
  imageOrigins?: string[];
};

const indexLimit = 50;

function newsroomPresentation() {
  const { baseUrl: _baseUrl, ...presentation } = newsroomSettings();
  return presentation;
}

/** PUBLIC_BASE_URL when configured (canonical URLs must not follow the Host header), else the request's origin. */
export function publicOrigin(request: Request): string {
  return newsroomSettings().baseUrl ?? new URL(request.url).origin;
}

function notFound(): PublicResponse {
  return { status: 404, body: renderNotFoundPage({ newsroomName: newsroomSettings().name }) };
}

async function orNotFound(work: () => Promise<PublicResponse>): Promise<PublicResponse> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return notFound();
    if (isAppError(error) && (error.code === "bad_request" || error.code === "validation_failed")) {
      return { status: 400, body: renderMessagePage({ newsroomName: newsroomSettings().name, title: "Those versions can’t be compared", text: error.userMessage }) };
    }
    logger.error("public page failed", { error });
    throw error;
  }
}

/**
 * A withdrawn story answers 410 at each of its addresses (page, change log, feed) with its headline and the
 * editor's note. Checked only when the story is not found as published, so live pages pay nothing; the 410
 * is cached under the story's tag like the page, and a republish drops it.
 */
async function unlessWithdrawn(slug: string, work: () => Promise<PublicResponse>): Promise<PublicResponse> {
  try {
    return await work();
  } catch (error) {
    if (!isAppError(error) || error.code !== "not_found") throw error;
    const withdrawal = await readStoryWithdrawal({ slug });
    if (!withdrawal) throw error;
    return { status: 410, body: renderWithdrawnPage({ withdrawal, newsroom: newsroomPresentation() }) };
  }
}

/** A slug that could never exist is answered without touching the cache or the database. */
export function isPossibleSlug(slug: string): boolean {
  return StorySlugInput.safeParse(slug).success;
}

export function uncachedNotFound(): PublicResponse {
  return notFound();
}

export function storyPage(options: { slug: string; origin: string }): Promise<PublicResponse> {
  const { slug, origin } = options;
  return orNotFound(
    unstable_cache(
      () =>
        unlessWithdrawn(slug, async () => {
          const story = await readPublishedStory({ slug });
          return {
            status: 200,
            body: renderStoryPage({ article: story.article, liveRevisionNumber: story.liveRevisionNumber, origin }),
            imageOrigins: externalImageOrigins({ images: story.article.images }),
          };
        }),
      ["public-story-page", slug, origin],
      { tags: storyCacheTags({ slug }) },
    ),
  );
}

export function storyHistoryPage(options: { slug: string; origin: string; from: string | null; to: string | null }): Promise<PublicResponse> {
  const { slug, origin, from, to } = options;
  return orNotFound(
    unstable_cache(
      () =>
        unlessWithdrawn(slug, async () => {
          const query = { ...(from !== null ? { from } : {}), ...(to !== null ? { to } : {}) };
          const history = await readPublicHistory({ slug, query });
          return { status: 200, body: renderHistoryPage({ log: history.log, comparison: history.comparison, newsroom: newsroomPresentation(), origin }) };
        }),
      ["public-story-history", slug, origin, from ?? "", to ?? ""],
      { tags: storyCacheTags({ slug }) },
    ),
  );
}

export function storyFeed(options: { slug: string; origin: string }): Promise<PublicResponse> {
  const { slug, origin } = options;
  return orNotFound(
    unstable_cache(
      () =>
        unlessWithdrawn(slug, async () => {
          const log = await readPublicChangeLog({ slug });
          return { status: 200, body: renderStoryFeed({ log, newsroom: newsroomPresentation(), origin }) };
        }),
      ["public-story-feed", slug, origin],
      { tags: storyCacheTags({ slug }) },
    ),
  );
}

export function storyVersion(options: { slug: string }): Promise<PublicResponse> {
  const { slug } = options;
  return unstable_cache(
    async () => ({ status: 200, body: JSON.stringify(await readPublicStoryVersion({ slug })) }),
    ["public-story-version", slug],
    { tags: storyCacheTags({ slug }) },
  )().catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") return { status: 404, body: JSON.stringify({ slug, version: null }) };
    throw error;
  });
}

export function indexPage(options: { origin: string }): Promise<PublicResponse> {
  const { origin } = options;
  return unstable_cache(
    async () => {
      const stories = await listPublishedStories({ limit: indexLimit });
      return { status: 200, body: renderIndexPage({ stories, newsroom: newsroomPresentation(), origin }) };
    },
    ["public-index-page", origin],
    { tags: [publicIndexCacheTag] },
  )();
}

export function siteFeed(options: { origin: string }): Promise<PublicResponse> {
  const { origin } = options;
  return unstable_cache(
    async () => {
      const stories = await listPublishedStories({ limit: indexLimit });
      return { status: 200, body: renderSiteFeed({ stories, newsroom: newsroomPresentation(), origin }) };
    },
    ["public-site-feed", origin],
    { tags: [publicIndexCacheTag] },
  )();
}

const correctionsLimit = 50;

/** /corrections (`before` pages back in time); tagged with the index tag, which every publish or takedown drops. */
export function correctionsPage(options: { origin: string; before: string | null }): Promise<PublicResponse> {
  const { origin, before } = options;
  return unstable_cache(
    async () => {
      const page = await listPublicCorrections({ query: before !== null ? { before } : {}, limit: correctionsLimit });
      return { status: 200, body: renderCorrectionsPage({ page, newsroom: newsroomPresentation(), origin, first: before === null }) };
    },
    ["public-corrections-page", origin, before ?? ""],
    { tags: [publicIndexCacheTag] },
  )().catch((error: unknown) => {
    if (isAppError(error) && error.code === "validation_failed") {
      return { status: 400, body: renderMessagePage({ newsroomName: newsroomSettings().name, title: "That page of corrections doesn’t exist", text: error.userMessage }) };
    }
    throw error;
  });
}

export function correctionsFeed(options: { origin: string }): Promise<PublicResponse> {
  const { origin } = options;
  return unstable_cache(
    async () => {
      const page = await listPublicCorrections({ query: {}, limit: correctionsLimit });
      return { status: 200, body: renderCorrectionsFeed({ entries: page.entries, newsroom: newsroomPresentation(), origin }) };
    },
    ["public-corrections-feed", origin],
    { tags: [publicIndexCacheTag] },
  )();
}
