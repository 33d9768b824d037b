import "server-only";

import { getDb } from "@/lib/db/client";
import { publicRemovalNotices } from "@/lib/legal-removals/public-removal-notices";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { readPublicNotes } from "@/lib/public/published-story";
import type {
  NewsroomPresentation,
  PublicArticleNote,
  PublicRemovalNotice,
} from "@/lib/render/public-article";
import { readPendingChanges } from "@/lib/revisions/pending-changes";
import type { PendingChange } from "@/lib/revisions/publication-plan";

export type DeskStoryContext = {
  /** Existing contributors, suggested in the credit picker. */
  contributorNames: string[];
  /** Public notes already published on the story up to `upTo`, for the preview's corrections box. */
  notes: PublicArticleNote[];
  /** Drafts saved since the live revision, which the next publication makes live with their notes. */
  pending: PendingChange[];
  /** Notices of the story's approved legal removals, for the preview. */
  removalNotices: PublicRemovalNotice[];
  newsroom: NewsroomPresentation;
};

const suggestedContributors = 2_000;

/** What the edit screen needs beyond the revision itself. `slug` null: a story not created yet. */
export async function readDeskStoryContext(options: {
  slug: string | null;
  upTo: number;
}): Promise<DeskStoryContext> {
  const story = options.slug
    ? await getDb().story.findUnique({ where: { slug: options.slug }, select: { id: true } })
    : null;
  const [contributors, notes, pending, removalNotices] = await Promise.all([
    getDb().contributor.findMany({
      orderBy: { name: "asc" },
      take: suggestedContributors,
      select: { name: true },
    }),
    story && options.upTo > 0
      ? readPublicNotes({ storyId: story.id, upTo: options.upTo })
      : Promise.resolve([]),
    story
      ? readPendingChanges({ tx: getDb(), storyId: story.id, liveNumber: options.upTo || null })
      : Promise.resolve([]),
    story ? publicRemovalNotices({ storyId: story.id }) : Promise.resolve([]),
  ]);
  const { baseUrl: _baseUrl, ...newsroom } = newsroomSettings();
  return {
    contributorNames: contributors.map((row) => row.name),
    notes,
    pending,
    removalNotices,
    newsroom,
  };
}

/** The drafts since the live revision, for the History's publish dialog. */
export async function readDeskPendingChanges(options: {
  slug: string;
  liveNumber: number | null;
}): Promise<PendingChange[]> {
  const story = await getDb().story.findUnique({ where: { slug: options.slug }, select: { id: true } });
  return story ? readPendingChanges({ tx: getDb(), storyId: story.id, liveNumber: options.liveNumber }) : [];
}
