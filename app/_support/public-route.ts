import {
  deliverPublicPage,
  uncachedPublicPage,
  type PublicPage,
  type PublicPageType,
} from "@/lib/delivery/deliver-public-page";
import type { PublicQuery } from "@/lib/delivery/public-request-key";
import { publicIndexCacheTag, storyCacheTags } from "@/lib/public/cache-tags";
import { isPossibleSlug, uncachedNotFound } from "@/lib/public/public-pages";

type Render<Extra> = (page: { origin: string; query: PublicQuery } & Extra) => Promise<PublicPage>;

/** A page about the whole site (the front page, corrections, their feeds): kept under the index's tag. */
export function publicSiteRoute(route: { type: PublicPageType; render: Render<object> }) {
  return (request: Request): Promise<Response> =>
    deliverPublicPage({ request, tags: [publicIndexCacheTag], type: route.type, render: route.render });
}

/**
 * A page about one story (the story, its change log, its feed, its version), kept under the story's tags.
 * An address that could never be a slug is answered at once, and never kept.
 */
export function publicStoryRoute(route: {
  type: PublicPageType;
  render: Render<{ slug: string }>;
  impossible?: (slug: string) => { page: PublicPage; type: PublicPageType };
}) {
  return async (request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> => {
    const { slug } = await context.params;
    if (!isPossibleSlug(slug))
      return uncachedPublicPage(route.impossible?.(slug) ?? { page: uncachedNotFound(), type: "html" });
    return deliverPublicPage({
      request,
      tags: storyCacheTags({ slug }),
      type: route.type,
      render: (page) => route.render({ ...page, slug }),
    });
  };
}
