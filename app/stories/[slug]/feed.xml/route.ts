import { isPossibleSlug, publicOrigin, storyFeed, uncachedNotFound } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";
import { publicMemoTicket } from "@/app/_public/public-response-memo";
import { storyCacheTags } from "@/lib/public/cache-tags";

/** Atom feed of one story: an entry per material update. */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug)) return publicResponse(uncachedNotFound(), { type: "html" });
  const memo = publicMemoTicket({ request, tags: storyCacheTags({ slug }) });
  const page = await storyFeed({ slug, origin: publicOrigin(request) });
  return publicResponse(page, { type: page.status === 200 ? "atom" : "html", memo });
}
