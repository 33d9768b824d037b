import { createHash } from "node:crypto";

/**
 * Cache tag names shared by the public pages (which tag what they cache) and every publishing path
 * (which invalidates them through lib/delivery). One place, so they never drift.
 */

/** The site index (`/`) and the site feed (`/feed.xml`): any publish, unpublish or update of any story. */
export const publicIndexCacheTag = "public:index";

// Tags travel in response headers to the shared caches (Surrogate-Key, Cache-Tag, xkey) and in their purge
// requests, which cap the length of one key (Fastly and Cloudflare: 1,024 bytes); a slug too long for a tag
// is shortened to a stable digest instead.
const maxSlugInTag = 200;

function slugKey(slug: string): string {
  if (slug.length <= maxSlugInTag) return slug;
  return `#${createHash("sha256").update(slug).digest("hex")}`;
}

/**
 * Tags of everything cached for one story: its page, change log, diffs, feed and the tiny version endpoint
 * the open-page notice polls. Returned as a list so a page can tag more than one thing without changing
 * callers.
 */
export function storyCacheTags(options: { slug: string }): string[] {
  return [`public:story:${slugKey(options.slug)}`];
}

/**
 * The tag of one /media/ file (a photo rendition, named by its SHA-256). Media responses are immutable, so
 * shared caches keep them for a year: a legal removal purges the removed photo's files by this tag.
 */
export function mediaCacheTag(options: { sha256: string }): string {
  return `media:${options.sha256}`;
}
