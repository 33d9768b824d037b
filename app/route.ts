import { deliverPublicPage } from "@/lib/delivery/deliver-public-page";
import { publicIndexCacheTag } from "@/lib/public/cache-tags";
import { indexPage } from "@/lib/public/public-pages";

/** The front page: published stories, most recently updated first. */
export function GET(request: Request): Promise<Response> {
  return deliverPublicPage({
    request,
    tags: [publicIndexCacheTag],
    type: "html",
    render: ({ origin }) => indexPage({ origin }),
  });
}
