import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";

import { postgresSearch } from "./postgres-search";
import type { SearchEngine } from "./search-engine";
import { SearchInput } from "./search-input";
import type { SearchPage } from "./search-results";

// The one engine today. Another (OpenSearch, Meilisearch) would be chosen here, behind the same interface.
const engine: SearchEngine = postgresSearch;

/**
 * Searches every story the actor may read on the desk: the desk page and the API call only this. `input` is
 * untrusted (a form's or a query string's fields); bad input is refused with the field it concerns.
 */
export async function searchStories(options: { actor: Actor; input: unknown }): Promise<SearchPage> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const input = parseInput({ schema: SearchInput, input: options.input });
  return engine.search({ actor: options.actor, input });
}
