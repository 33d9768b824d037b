import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";

/**
 * invalidatePublicStory for work outside a request (a scheduled publish, an embargo lift run by the job
 * queue). Public pages no longer use Next's data cache: this process's memo drops the story at once, and
 * every other instance hears of the change from the trigger's NOTIFY (lib/delivery).
 */
export async function invalidatePublicStoryInBackground(options: { slug: string }): Promise<void> {
  invalidatePublicStory(options);
}
