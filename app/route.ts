import { indexPage, publicOrigin } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";
import { publicMemoTicket } from "@/app/_public/public-response-memo";
import { publicIndexCacheTag } from "@/lib/public/cache-tags";

/** The front page: published stories, most recently updated first. */
export async function GET(request: Request): Promise<Response> {
  const memo = publicMemoTicket({ request, tags: [publicIndexCacheTag] });
  return publicResponse(await indexPage({ origin: publicOrigin(request) }), { type: "html", memo });
}
