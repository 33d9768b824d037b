import { isPossibleSlug, publicOrigin, storyHistoryPage, uncachedNotFound } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";
import { publicMemoTicket } from "@/app/_public/public-response-memo";
import { storyCacheTags } from "@/lib/public/cache-tags";

/** The public change log; `?from=&to=` pick the two published versions to compare (validated in lib/public). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug)) return publicResponse(uncachedNotFound(), { type: "html" });
  const search = new URL(request.url).searchParams;
  const memo = publicMemoTicket({ request, tags: storyCacheTags({ slug }) });
  const page = await storyHistoryPage({ slug, origin: publicOrigin(request), from: search.get("from"), to: search.get("to") });
  return publicResponse(page, { type: "html", memo });
}
