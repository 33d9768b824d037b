import { deliverPublicPage, uncachedPublicPage } from "@/lib/delivery/deliver-public-page";
import { storyCacheTags } from "@/lib/public/cache-tags";
import { isPossibleSlug, storyPage, uncachedNotFound } from "@/lib/public/public-pages";

/** The public story page, served whole from the response memo (lib/delivery) when warm. */
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
    render: ({ origin }) => storyPage({ slug, origin }),
  });
}
