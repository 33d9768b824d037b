import "server-only";

import { forgetChangedStory } from "./invalidation-listener";

/**
 * Call after anything a reader can see has changed for a story (publish, unpublish, republish, withdrawal,
 * any published revision including minor fixes, the developing flag), after the transaction commits. This
 * process drops its kept pages at once, so the editor's next look shows the change. Other instances, and the
 * shared caches' purge, do not depend on this call: the change's own transaction wrote a
 * `public_invalidations` row (a trigger on stories) whose NOTIFY reaches every instance, and enqueued the
 * purge.
 */
export function invalidatePublicStory(options: { slug: string }): void {
  forgetChangedStory(options);
}
