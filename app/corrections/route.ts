import { publicSiteRoute } from "@/app/_support/public-route";
import { correctionsPage } from "@/lib/public/public-pages";

/**
 * The corrections page: every published correction, clarification, editor's note and withdrawal, newest
 * first.
 */
export const GET = publicSiteRoute({
  type: "html",
  render: ({ origin, query }) => correctionsPage({ origin, before: query.before ?? null }),
});
