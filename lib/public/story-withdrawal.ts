import "server-only";

import { getDb } from "@/lib/db/client";

import { isUnderEmbargo } from "./public-visibility";

export type StoryWithdrawal = {
  slug: string;
  /** The headline readers last saw: the live revision's. */
  headline: string;
  note: string;
  /** ISO instant of the withdrawal. */
  withdrawnAt: string;
};

/**
 * What readers get at a withdrawn story's address, or null when the story is not withdrawn (unknown, a draft,
 * quietly unpublished or live). The note is the newest withdrawal's: a story withdrawn, republished and
 * withdrawn again shows the note that is in force.
 */
export async function readStoryWithdrawal(options: { slug: string }): Promise<StoryWithdrawal | null> {
  const story = await getDb().story.findUnique({
    where: { slug: options.slug },
    select: {
      id: true,
      slug: true,
      status: true,
      liveRevisionNumber: true,
      embargoUntil: true,
      statusEvents: {
        where: { action: "withdraw" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { publicNote: true, createdAt: true },
      },
    },
  });
  const event = story?.statusEvents[0];
  if (
    !story ||
    story.status !== "withdrawn" ||
    !event ||
    story.liveRevisionNumber === null ||
    isUnderEmbargo(story)
  )
    return null;
  const live = await getDb().revision.findUnique({
    where: { storyId_number: { storyId: story.id, number: story.liveRevisionNumber } },
    select: { headline: true },
  });
  return {
    slug: story.slug,
    headline: live?.headline ?? "",
    note: event.publicNote ?? "",
    withdrawnAt: event.createdAt.toISOString(),
  };
}
