import { isPossibleSlug, storyVersion } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";
import { publicMemoTicket } from "@/app/_public/public-response-memo";
import { storyCacheTags } from "@/lib/public/cache-tags";

/**
 * The tiny endpoint /reader.js polls to tell an open page that a newer version is live. Cached under the
 * story's tag like the page itself, and for a few seconds in the browser, so polling costs next to nothing.
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug)) return publicResponse({ status: 404, body: JSON.stringify({ slug, version: null }) }, { type: "json" });
  const memo = publicMemoTicket({ request, tags: storyCacheTags({ slug }) });
  return publicResponse(await storyVersion({ slug }), { type: "json", maxAgeSeconds: 5, memo });
}
