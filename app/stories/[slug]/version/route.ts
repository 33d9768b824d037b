import { publicStoryRoute } from "@/app/_support/public-route";
import { storyVersion } from "@/lib/public/public-pages";

/**
 * The tiny endpoint /reader.js polls to tell an open page that a newer version is live. Kept under the
 * story's tag like the page itself; the browser revalidates with its ETag, so a poll that finds nothing new
 * is a 304.
 */
export const GET = publicStoryRoute({
  type: "json",
  render: ({ slug }) => storyVersion({ slug }),
  impossible: (slug) => ({
    page: { status: 404, body: JSON.stringify({ slug, version: null }) },
    type: "json",
  }),
});
