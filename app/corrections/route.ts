import { deliverPublicPage } from "@/lib/delivery/deliver-public-page";
import { publicIndexCacheTag } from "@/lib/public/cache-tags";
import { correctionsPage } from "@/lib/public/public-pages";

/** The corrections page: every published correction, clarification, editor's note and withdrawal, newest first. */
export function GET(request: Request): Promise<Response> {
  return deliverPublicPage({
    request,
    tags: [publicIndexCacheTag],
    type: "html",
    render: ({ origin, query }) => correctionsPage({ origin, before: query.before ?? null }),
  });
}
