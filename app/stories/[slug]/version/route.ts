import { deliverPublicPage, uncachedPublicPage } from "@/lib/delivery/deliver-public-page";
import { storyCacheTags } from "@/lib/public/cache-tags";
import { isPossibleSlug, storyVersion } from "@/lib/public/public-pages";

/**
 * The tiny endpoint /reader.js polls to tell an open page that a newer version is live. Kept under the
 * story's tag like the page itself; the browser revalidates with its ETag, so a poll that finds nothing new
 * is a 304.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ slug: string }> },
): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug))
    return uncachedPublicPage({
      page: { status: 404, body: JSON.stringify({ slug, version: null }) },
      type: "json",
    });
  return deliverPublicPage({
    request,
    tags: storyCacheTags({ slug }),
    type: "json",
    render: () => storyVersion({ slug }),
  });
}
