import { deliverPublicPage, uncachedPublicPage } from "@/lib/delivery/deliver-public-page";
import { storyCacheTags } from "@/lib/public/cache-tags";
import { isPossibleSlug, storyHistoryPage, uncachedNotFound } from "@/lib/public/public-pages";

/** The public change log; `?from=&to=` pick the two published versions to compare (canonical form: lib/delivery). */
export async function GET(
  request: Request,
  context: { params: Promise<{ slug: string }> },
): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug)) return uncachedPublicPage({ page: uncachedNotFound(), type: "html" });
  return deliverPublicPage({
    request,
    tags: storyCacheTags({ slug }),
    type: "html",
    render: ({ origin, query }) =>
      storyHistoryPage({ slug, origin, from: query.from ?? null, to: query.to ?? null }),
  });
}
