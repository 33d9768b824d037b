import "server-only";
import { revalidateTag } from "next/cache";
import { publicIndexCacheTag, storyCacheTags } from "@/lib/public/cache-tags";
import { forgetPublicResponses } from "./public-response-memo";

/**
 * Call after anything a reader can see has changed for a story (publish, unpublish, republish, any published
 * revision including minor fixes, the developing flag) — in the same request, after the transaction commits.
 * `expire: 0` drops the cached pages at once, so the next reader request renders fresh instead of being
 * served stale: a reader who loads the page right after the publish response sees the new version.
 * Works from route handlers and server actions alike.
 */
export function invalidatePublicStory(options: { slug: string }): void {
  const tags = [...storyCacheTags({ slug: options.slug }), publicIndexCacheTag];
  for (const tag of tags) {
    revalidateTag(tag, { expire: 0 });
  }
  forgetPublicResponses({ tags });
}
