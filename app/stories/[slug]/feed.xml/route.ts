import { deliverPublicPage, uncachedPublicPage } from "@/lib/delivery/deliver-public-page";
import { storyCacheTags } from "@/lib/public/cache-tags";
import { isPossibleSlug, storyFeed, uncachedNotFound } from "@/lib/public/public-pages";

/** Atom feed of one story: an entry per material update. */
export async function GET(
  request: Request,
  context: { params: Promise<{ slug: string }> },
): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug)) return uncachedPublicPage({ page: uncachedNotFound(), type: "html" });
  return deliverPublicPage({
    request,
    tags: storyCacheTags({ slug }),
    type: "atom",
    render: ({ origin }) => storyFeed({ slug, origin }),
  });
}
