import { createHash } from "node:crypto";
import { z } from "zod";

import { malformedCursor } from "@/lib/validation/malformed-cursor";

import type { SearchInput } from "./search-input";

/** Where a page ended: the last hit's score and story, for the keyset (rank DESC, story id ASC). */
export type SearchCursor = { rank: number; storyId: string };

const CursorShape = z.tuple([z.number().finite(), z.uuid(), z.string().length(12)]);

/**
 * Which search a cursor belongs to: a cursor carried over to another query, scope or filter would skip or
 * repeat hits, so it is refused instead.
 */
function fingerprint(input: SearchInput): string {
  const { cursor: _cursor, limit: _limit, ...search } = input;
  const canonical = Object.entries(search)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 12);
}

export function encodeSearchCursor(options: { input: SearchInput; cursor: SearchCursor }): string {
  const { rank, storyId } = options.cursor;
  // A JavaScript number is a float8 and prints exactly, so the next page compares against the same score.
  return Buffer.from(JSON.stringify([rank, storyId, fingerprint(options.input)])).toString("base64url");
}

export function decodeSearchCursor(input: SearchInput): SearchCursor | null {
  if (!input.cursor) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(input.cursor, "base64url").toString("utf8"));
  } catch {
    throw malformedCursor({ list: "search" });
  }
  const parsed = CursorShape.safeParse(decoded);
  if (!parsed.success || parsed.data[2] !== fingerprint(input)) throw malformedCursor({ list: "search" });
  return { rank: parsed.data[0], storyId: parsed.data[1] };
}
