import { correctionsPage, publicOrigin } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";
import { publicMemoTicket } from "@/app/_public/public-response-memo";
import { publicIndexCacheTag } from "@/lib/public/cache-tags";

/** The corrections page: every published correction, clarification, editor's note and withdrawal, newest first. */
export async function GET(request: Request): Promise<Response> {
  const memo = publicMemoTicket({ request, tags: [publicIndexCacheTag] });
  const before = new URL(request.url).searchParams.get("before");
  return publicResponse(await correctionsPage({ origin: publicOrigin(request), before }), { type: "html", memo });
}
