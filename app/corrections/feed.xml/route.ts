import { correctionsFeed, publicOrigin } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";
import { publicMemoTicket } from "@/app/_public/public-response-memo";
import { publicIndexCacheTag } from "@/lib/public/cache-tags";

/** Atom feed of the corrections page, newest first. */
export async function GET(request: Request): Promise<Response> {
  const memo = publicMemoTicket({ request, tags: [publicIndexCacheTag] });
  return publicResponse(await correctionsFeed({ origin: publicOrigin(request) }), { type: "atom", memo });
}
