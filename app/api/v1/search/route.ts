import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { searchStories } from "@/lib/search/search";

export const dynamic = "force-dynamic";

/**
 * Searches every story and, with scope=all, every revision: what the desk's search page answers, as JSON.
 * Every query parameter is passed on as given (an unknown one is refused by name); an empty filter is unset.
 */
export const GET = apiRoute({
  name: "GET /api/v1/search",
  run: async ({ actor, query }) => {
    const input: Record<string, string> = { q: query.get("q") ?? "" };
    for (const [name, value] of query)
      if (name !== "q" && value !== "" && !(name in input)) input[name] = value;
    return json(await searchStories({ actor, input }));
  },
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
