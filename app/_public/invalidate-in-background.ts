import { publicIndexCacheTag, storyCacheTags } from "@/lib/public/cache-tags";
import { forgetPublicResponses } from "./public-response-memo";

type TagCache = { revalidateTag: (tags: string[], durations?: { expire?: number }) => Promise<void> };

declare global {
  // Next's incremental cache of this server process, which it keeps here once it has served a request.
  var __incrementalCache: TagCache | undefined;
}

/**
 * invalidatePublicStory for work outside a request (a scheduled publish, an embargo lift run by the job queue):
 * revalidateTag refuses to run there, so the same tags are expired on this process's incremental cache
 * directly, and the response memo drops them as it does after a manual publish.
 */
export async function invalidatePublicStoryInBackground(options: { slug: string }): Promise<void> {
  const tags = [...storyCacheTags({ slug: options.slug }), publicIndexCacheTag];
  await globalThis.__incrementalCache?.revalidateTag(tags, { expire: 0 });
  forgetPublicResponses({ tags });
}
