import { deliverPublicPage } from "@/lib/delivery/deliver-public-page";
import { publicIndexCacheTag } from "@/lib/public/cache-tags";
import { siteFeed } from "@/lib/public/public-pages";

/** Atom feed of the site: published stories, most recently updated first. */
export function GET(request: Request): Promise<Response> {
  return deliverPublicPage({
    request,
    tags: [publicIndexCacheTag],
    type: "atom",
    render: ({ origin }) => siteFeed({ origin }),
  });
}
