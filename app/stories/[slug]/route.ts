import { isPossibleSlug, publicOrigin, storyPage, uncachedNotFound } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";
import { publicMemoTicket } from "@/app/_public/public-response-memo";
import { storyCacheTags } from "@/lib/public/cache-tags";

/** The public story page, served whole from the data cache (see app/_public/public-pages.ts). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug)) return publicResponse(uncachedNotFound(), { type: "html" });
  const memo = publicMemoTicket({ request, tags: storyCacheTags({ slug }) });
  return publicResponse(await storyPage({ slug, origin: publicOrigin(request) }), { type: "html", memo });
}
