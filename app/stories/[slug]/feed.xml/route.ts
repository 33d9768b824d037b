import { publicStoryRoute } from "@/app/_support/public-route";
import { storyFeed } from "@/lib/public/public-pages";

/** Atom feed of one story: an entry per material update. */
export const GET = publicStoryRoute({
  type: "atom",
  render: ({ slug, origin }) => storyFeed({ slug, origin }),
});
