import { publicSiteRoute } from "@/app/_support/public-route";
import { correctionsFeed } from "@/lib/public/public-pages";

/** Atom feed of the corrections page. */
export const GET = publicSiteRoute({ type: "atom", render: ({ origin }) => correctionsFeed({ origin }) });
