import { indexPage, publicOrigin } from "@/app/_public/public-pages";
import { publicResponse } from "@/app/_public/public-response";

/** The front page: published stories, most recently updated first. */
export async function GET(request: Request): Promise<Response> {
  return publicResponse(await indexPage({ origin: publicOrigin(request) }), { type: "html" });
}
