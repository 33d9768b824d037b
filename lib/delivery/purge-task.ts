import "server-only";

import type { Task } from "graphile-worker";

import { purgeStory } from "./purge-story";

/**
 * Job "delivery.purge": drops one changed story's pages from the shared caches (lib/delivery/purge-story.ts).
 */
export const purgeTask: Task = async (payload) => {
  await purgeStory({ payload });
};
