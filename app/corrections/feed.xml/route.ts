import { deliverPublicPage } from "@/lib/delivery/deliver-public-page";
import { publicIndexCacheTag } from "@/lib/public/cache-tags";
import { correctionsFeed } from "@/lib/public/public-pages";

/** Atom feed of the corrections page. */
export function GET(request: Request): Promise<Response> {
  return deliverPublicPage({
    request,
    tags: [publicIndexCacheTag],
    type: "atom",
    render: ({ origin }) => correctionsFeed({ origin }),
  });
}
