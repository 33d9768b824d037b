import { publicOrigin, siteFeed } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";

/** Atom feed of the site: published stories, most recently updated first. */
export async function GET(request: Request): Promise<Response> {
  return publicResponse(await siteFeed({ origin: publicOrigin(request) }), { type: "atom" });
}
