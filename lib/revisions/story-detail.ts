import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { readStory, type StoryDto } from "@/lib/stories/story";

import { readRevision } from "./read-revision";
import type { RevisionDto } from "./revision-dto";

export type StoryDetail = { story: StoryDto; live: RevisionDto | null; latest: RevisionDto };

/**
 * A story with its live revision (null while nothing is live) and its newest revision, which may be a draft.
 */
export async function getStoryDetail(options: { slug: string; actor: Actor }): Promise<StoryDetail> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const { id, story } = await readStory({ slug: options.slug });
  const live = story.liveRevisionNumber;
  const [latest, liveRevision] = await Promise.all([
    readRevision({ storyId: id, number: story.latestRevisionNumber }),
    live === null || live === story.latestRevisionNumber ? null : readRevision({ storyId: id, number: live }),
  ]);
  return {
    story,
    latest: latest.revision,
    live:
      live === null
        ? null
        : live === story.latestRevisionNumber
          ? latest.revision
          : (liveRevision?.revision ?? null),
  };
}
