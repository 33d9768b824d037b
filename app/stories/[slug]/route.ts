import { publicStoryRoute } from "@/app/_support/public-route";
import { storyPage } from "@/lib/public/public-pages";

/** The public story page, served whole from the response memo (lib/delivery) when warm. */
export const GET = publicStoryRoute({
  type: "html",
  render: ({ slug, origin }) => storyPage({ slug, origin }),
});
