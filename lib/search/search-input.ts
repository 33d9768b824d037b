import { z } from "zod";

import { RevisionKind, StoryStatus } from "@/lib/db/generated/enums";
import { textInput } from "@/lib/validation/text-rules";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

/** "live": each story's current version (live, or its newest draft when nothing is live); "all": every revision. */
export const SearchScope = z.enum(["live", "all"]);
export type SearchScope = z.infer<typeof SearchScope>;

const yesNo = z.enum(["yes", "no"]);
// A newsroom calendar day, inclusive, in NEWSROOM_TIME_ZONE (lib/search/search-query.ts turns it into instants).
const newsroomDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date like 2026-12-08" });

/**
 * A desk or API search. `q` is what people type: words, "exact phrases", -excluded, OR
 * (lib/search/search-query.ts reads it and says what is wrong with it, and where).
 */
export const SearchInput = z.strictObject({
  q: textInput({ max: 500 }),
  scope: SearchScope.default("live"),
  status: z.enum(StoryStatus).optional(),
  /** A user's id: who saved the revision. */
  author: z.uuid({ error: "must be a person's id" }).optional(),
  /** A contributor's id: credited on the revision. */
  contributor: z.uuid({ error: "must be a contributor's id" }).optional(),
  /** The kind of change the revision was. */
  kind: z.enum(RevisionKind).optional(),
  /** Revisions saved on or after / on or before these newsroom days. */
  from: newsroomDay.optional(),
  to: newsroomDay.optional(),
  developing: yesNo.optional(),
  /** yes: stories readers can see now; no: the rest. */
  live: yesNo.optional(),
  /** yes: stories with a published correction. */
  correction: yesNo.optional(),
  cursor: z.string().max(200).optional(),
  limit: wholeNumberText({ example: "20", max: 50 }).default(20),
});
export type SearchInput = z.infer<typeof SearchInput>;
