import { publicSiteRoute } from "@/app/_support/public-route";
import { indexPage } from "@/lib/public/public-pages";

/** The front page: published stories, most recently updated first. */
export const GET = publicSiteRoute({ type: "html", render: ({ origin }) => indexPage({ origin }) });
