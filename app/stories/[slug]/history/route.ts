import { publicStoryRoute } from "@/app/_support/public-route";
import { storyHistoryPage } from "@/lib/public/public-pages";

/**
 * The public change log; `?from=&to=` pick the two published versions to compare (canonical form:
 * lib/delivery).
 */
export const GET = publicStoryRoute({
  type: "html",
  render: ({ slug, origin, query }) =>
    storyHistoryPage({ slug, origin, from: query.from ?? null, to: query.to ?? null }),
});
