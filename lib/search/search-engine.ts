import type { Actor } from "@/lib/auth/actor";

import type { SearchInput } from "./search-input";
import type { SearchPage } from "./search-results";

/**
 * The one interface the desk and the API search through. Today PostgreSQL answers (postgres-search.ts); a
 * separate engine (OpenSearch, Meilisearch) could implement this later without touching the desk. The engine
 * checks the actor's permission and answers only what the actor may read on the desk.
 */
export type SearchEngine = {
  search(options: { actor: Actor; input: SearchInput }): Promise<SearchPage>;
};
