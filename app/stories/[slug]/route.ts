import { isPossibleSlug, publicOrigin, storyPage, uncachedNotFound } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";

/** The public story page, served whole from the data cache (see app/_public/public-pages.ts). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  if (!isPossibleSlug(slug)) return publicResponse(uncachedNotFound(), { type: "html" });
  return publicResponse(await storyPage({ slug, origin: publicOrigin(request) }), { type: "html" });
}
