import "server-only";

import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { externalImageOrigins } from "@/lib/media/photo-pictures";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { readPublicChangeLog } from "@/lib/public/public-change-log";
import { listPublicCorrections } from "@/lib/public/public-corrections";
import { readPublicHistory } from "@/lib/public/public-history";
import { listPublishedStories } from "@/lib/public/public-index";
import { readPublicStoryVersion, readPublishedStory } from "@/lib/public/published-story";
import { readStoryWithdrawal } from "@/lib/public/story-withdrawal";
import { renderCorrectionsPage } from "@/lib/render/corrections-page";
import { renderCorrectionsFeed, renderSiteFeed, renderStoryFeed } from "@/lib/render/feeds";
import { renderHistoryPageOffLoop } from "@/lib/render/history-page-off-loop";
import { renderIndexPage } from "@/lib/render/index-page";
import { renderMessagePage } from "@/lib/render/message-page";
import { renderNotFoundPage } from "@/lib/render/not-found-page";
import { renderStoryBodyOffLoop } from "@/lib/render/story-body-off-loop";
import { renderStoryPage } from "@/lib/render/story-page";
import { renderWithdrawnPage } from "@/lib/render/withdrawn-page";
import { StorySlugInput } from "@/lib/stories/story-slug";

/**
 * Whole public responses (status + body string), rendered from the database. lib/delivery keeps them (the
 * response memo, tagged so every instance drops them when the story changes) and shared caches hold them; a
 * warm request never reaches these functions. A not-found or a bad comparison is answered here and never
 * kept, so made-up slugs or version numbers cannot fill a cache; each costs one indexed query.
 */
export type PublicResponse = {
  status: number;
  body: string;
  /** Other sites this page's older images load from, allowed by its CSP alone. */
  imageOrigins?: string[];
};

const indexLimit = 50;

function newsroomPresentation() {
  const { baseUrl: _baseUrl, ...presentation } = newsroomSettings();
  return presentation;
}

function notFound(): PublicResponse {
  return { status: 404, body: renderNotFoundPage({ newsroomName: newsroomSettings().name }) };
}

async function orNotFound(work: () => Promise<PublicResponse>): Promise<PublicResponse> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return notFound();
    // The worker pool is full: this page only is refused for now (deliver-public-page adds Retry-After).
    if (isAppError(error) && error.code === "unavailable") {
      return {
        status: 503,
        body: renderMessagePage({
          newsroomName: newsroomSettings().name,
          title: "Temporarily unavailable",
          text: error.userMessage,
        }),
      };
    }
    if (isAppError(error) && (error.code === "bad_request" || error.code === "validation_failed")) {
      return {
        status: 400,
        body: renderMessagePage({
          newsroomName: newsroomSettings().name,
          title: "Those versions can’t be compared",
          text: error.userMessage,
        }),
      };
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
  return orNotFound(() =>
    unlessWithdrawn(slug, async () => {
      const story = await readPublishedStory({ slug });
      const body = await renderStoryBodyOffLoop({ markdown: story.article.body });
      return {
        status: 200,
        body: renderStoryPage({
          article: story.article,
          body,
          liveRevisionNumber: story.liveRevisionNumber,
          origin,
        }),
        imageOrigins: externalImageOrigins({ images: story.article.images }),
      };
    }),
  );
}

export function storyHistoryPage(options: {
  slug: string;
  origin: string;
  from: string | null;
  to: string | null;
}): Promise<PublicResponse> {
  const { slug, origin, from, to } = options;
  return orNotFound(() =>
    unlessWithdrawn(slug, async () => {
      const query = { ...(from !== null ? { from } : {}), ...(to !== null ? { to } : {}) };
      const history = await readPublicHistory({ slug, query });
      return {
        status: 200,
        body: await renderHistoryPageOffLoop({
          log: history.log,
          comparison: history.comparison,
          newsroom: newsroomPresentation(),
          origin,
        }),
      };
    }),
  );
}

export function storyFeed(options: { slug: string; origin: string }): Promise<PublicResponse> {
  const { slug, origin } = options;
  return orNotFound(() =>
    unlessWithdrawn(slug, async () => {
      const log = await readPublicChangeLog({ slug });
      return { status: 200, body: renderStoryFeed({ log, newsroom: newsroomPresentation(), origin }) };
    }),
  );
}

export async function storyVersion(options: { slug: string }): Promise<PublicResponse> {
  const { slug } = options;
  try {
    return { status: 200, body: JSON.stringify(await readPublicStoryVersion({ slug })) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found")
      return { status: 404, body: JSON.stringify({ slug, version: null }) };
    throw error;
  }
}

export async function indexPage(options: { origin: string }): Promise<PublicResponse> {
  const stories = await listPublishedStories({ limit: indexLimit });
  return {
    status: 200,
    body: renderIndexPage({ stories, newsroom: newsroomPresentation(), origin: options.origin }),
  };
}

export async function siteFeed(options: { origin: string }): Promise<PublicResponse> {
  const stories = await listPublishedStories({ limit: indexLimit });
  return {
    status: 200,
    body: renderSiteFeed({ stories, newsroom: newsroomPresentation(), origin: options.origin }),
  };
}

const correctionsLimit = 50;

/**
 * /corrections (`before` pages back in time); kept under the index tag, which every publish or takedown
 * drops.
 */
export async function correctionsPage(options: {
  origin: string;
  before: string | null;
}): Promise<PublicResponse> {
  const { origin, before } = options;
  try {
    const page = await listPublicCorrections({
      query: before !== null ? { before } : {},
      limit: correctionsLimit,
    });
    return {
      status: 200,
      body: renderCorrectionsPage({ page, newsroom: newsroomPresentation(), origin, first: before === null }),
    };
  } catch (error) {
    if (isAppError(error) && error.code === "validation_failed") {
      return {
        status: 400,
        body: renderMessagePage({
          newsroomName: newsroomSettings().name,
          title: "That page of corrections doesn’t exist",
          text: error.userMessage,
        }),
      };
    }
    throw error;
  }
}

export async function correctionsFeed(options: { origin: string }): Promise<PublicResponse> {
  const page = await listPublicCorrections({ query: {}, limit: correctionsLimit });
  return {
    status: 200,
    body: renderCorrectionsFeed({
      entries: page.entries,
      newsroom: newsroomPresentation(),
      origin: options.origin,
    }),
  };
}
