import { publicSiteRoute } from "@/app/_support/public-route";
import { siteFeed } from "@/lib/public/public-pages";

/** Atom feed of the site: published stories, most recently updated first. */
export const GET = publicSiteRoute({ type: "atom", render: ({ origin }) => siteFeed({ origin }) });
